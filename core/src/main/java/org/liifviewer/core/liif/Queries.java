package org.liifviewer.core.liif;

/**
 * A batch of LIIF queries: normalised coordinates and cells, (y, x) as separate arrays of which the first
 * {@code count} entries are used.
 */
public record Queries(float[] coordY, float[] coordX, float[] cellY, float[] cellX, int count) {

    public Queries {
        if (count < 0 || coordY.length < count || coordX.length < count || cellY.length < count || cellX.length < count) {
            throw new IllegalArgumentException("query arrays shorter than the count " + count);
        }
    }

    /** Empty buffers for up to {@code capacity} queries. */
    public static Queries allocate(int capacity) {
        return new Queries(new float[capacity], new float[capacity], new float[capacity], new float[capacity], capacity);
    }

    /** The same buffers with another count. */
    public Queries withCount(int n) {
        return new Queries(coordY, coordX, cellY, cellX, n);
    }

    /**
     * Fills the queries of the rows x columns grid spanned by two axes, row-major, starting at grid row
     * {@code row0} of {@code rows} and returns the filled view.
     */
    public Queries fillGrid(Axis rows, Axis cols, int row0, int rowCount) {
        int w = cols.count();
        int n = Math.multiplyExact(rowCount, w);
        if (n > coordY.length) {
            throw new IllegalArgumentException(n + " queries exceed the buffer of " + coordY.length);
        }
        float cy = rows.cell();
        float cx = cols.cell();
        for (int r = 0; r < rowCount; r++) {
            float y = rows.coord(row0 + r);
            for (int c = 0; c < w; c++) {
                int q = r * w + c;
                coordY[q] = y;
                coordX[q] = cols.coord(c);
                cellY[q] = cy;
                cellX[q] = cx;
            }
        }
        return withCount(n);
    }
}
