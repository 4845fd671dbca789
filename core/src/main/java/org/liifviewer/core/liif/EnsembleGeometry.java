package org.liifviewer.core.liif;

/**
 * Which latent codes each query reads and how their predictions are blended (LIIF's local ensemble),
 * computed in float32 exactly as the official {@code query_rgb}: shifted and clamped coordinates, nearest
 * feature pixel, relative coordinate scaled to feature pixels, and the diagonally swapped area weights.
 * One instance is a reusable buffer for up to {@code capacity} queries.
 */
public final class EnsembleGeometry {

    private static final float CLAMP_LOW = (float) (-1 + 1e-6);
    private static final float CLAMP_HIGH = (float) (1 - 1e-6);
    private static final float AREA_EPS = (float) 1e-9;

    private final boolean ensemble;
    private final int members;
    private final int capacity;
    /** Per member k and query q at [k * capacity + q]: feature pixel index y * width + x. */
    final int[] index;
    /** Relative coordinate (rows, columns) in feature pixels (one pixel = 2 units). */
    final float[] relY;
    final float[] relX;
    /** Final blending weight of the member's prediction. */
    final float[] weight;

    public EnsembleGeometry(boolean localEnsemble, int capacity) {
        this.ensemble = localEnsemble;
        this.members = localEnsemble ? 4 : 1;
        this.capacity = capacity;
        this.index = new int[members * capacity];
        this.relY = new float[members * capacity];
        this.relX = new float[members * capacity];
        this.weight = new float[members * capacity];
    }

    private int featureHeight;
    private int featureWidth;

    /** Feature rows of the last {@link #compute}. */
    public int featureHeight() {
        return featureHeight;
    }

    /** Feature columns of the last {@link #compute}. */
    public int featureWidth() {
        return featureWidth;
    }

    /** 4 with local ensemble, otherwise 1. */
    public int members() {
        return members;
    }

    public int capacity() {
        return capacity;
    }

    /**
     * Computes the geometry of {@code count} queries at normalised (y, x) positions on a feature map of
     * {@code h x w} pixels.
     */
    public void compute(float[] coordY, float[] coordX, int count, int h, int w) {
        if (count > capacity) {
            throw new IllegalArgumentException(count + " queries exceed the capacity " + capacity);
        }
        featureHeight = h;
        featureWidth = w;
        FeatureGrid rows = new FeatureGrid(h);
        FeatureGrid cols = new FeatureGrid(w);
        float[] shiftY = shifts(h);
        float[] shiftX = shifts(w);
        int k = 0;
        for (int vx = 0; vx < shiftY.length; vx++) {        // official order: outer vx moves rows,
            for (int vy = 0; vy < shiftX.length; vy++) {    // inner vy moves columns
                int base = k * capacity;
                for (int q = 0; q < count; q++) {
                    int iy = rows.nearest(clamp(coordY[q] + shiftY[vx]));
                    int ix = cols.nearest(clamp(coordX[q] + shiftX[vy]));
                    index[base + q] = iy * w + ix;
                    relY[base + q] = (coordY[q] - rows.centre(iy)) * (float) h;
                    relX[base + q] = (coordX[q] - cols.centre(ix)) * (float) w;
                }
                k++;
            }
        }
        computeWeights(count);
    }

    /**
     * Blends the members' predictions ({@code pred[(k * count + q) * dim + c]}) into {@code out[q * dim + c]}
     * with the ensemble weights, accumulating members in the official order.
     */
    public void blend(float[] pred, int dim, int count, float[] out) {
        java.util.Arrays.fill(out, 0, count * dim, 0f);
        for (int k = 0; k < members; k++) {
            for (int q = 0; q < count; q++) {
                float w = weight[k * capacity + q];
                int src = (k * count + q) * dim;
                for (int c = 0; c < dim; c++) {
                    out[q * dim + c] += pred[src + c] * w;
                }
            }
        }
    }

    private void computeWeights(int count) {
        if (!ensemble) {
            java.util.Arrays.fill(weight, 0, count, 1f);
            return;
        }
        for (int q = 0; q < count; q++) {
            float a0 = area(0, q);
            float a1 = area(1, q);
            float a2 = area(2, q);
            float a3 = area(3, q);
            float tot = a0 + a1 + a2 + a3;
            weight[q] = a3 / tot;                  // each member is weighted by the diagonally opposite area
            weight[capacity + q] = a2 / tot;
            weight[2 * capacity + q] = a1 / tot;
            weight[3 * capacity + q] = a0 / tot;
        }
    }

    private float area(int k, int q) {
        int i = k * capacity + q;
        return Math.abs(relY[i] * relX[i]) + AREA_EPS;
    }

    private float[] shifts(int n) {
        if (!ensemble) {
            return new float[] {0f};
        }
        double r = 2.0 / n / 2;
        return new float[] {(float) (-r + 1e-6), (float) (r + 1e-6)};
    }

    private static float clamp(float v) {
        return Math.min(Math.max(v, CLAMP_LOW), CLAMP_HIGH);
    }

    /** Nearest-pixel lookup and pixel centres on one axis of the feature map, as grid_sample computes them. */
    private static final class FeatureGrid {
        private final int n;
        private final float half;
        private final Axis centres;

        FeatureGrid(int n) {
            this.n = n;
            this.half = (float) n / 2f;
            this.centres = Axis.grid(n);
        }

        int nearest(float c) {
            int i = (int) Math.rint((c + 1f) * half - 0.5f);
            return Math.min(Math.max(i, 0), n - 1);
        }

        float centre(int i) {
            return centres.coord(i);
        }
    }
}
