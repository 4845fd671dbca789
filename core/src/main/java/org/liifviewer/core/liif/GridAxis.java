package org.liifviewer.core.liif;

/** A window of the official {@code make_coord} grid, float32-exact (see {@link Axis#grid(long, long, int)}). */
final class GridAxis implements Axis {

    private final long start;
    private final int count;
    private final float a;
    private final float b;
    private final float cell;

    GridAxis(long n, long start, int count) {
        if (n <= 0 || start < 0 || count <= 0 || start + count > n) {
            throw new IllegalArgumentException("grid window [" + start + ", " + (start + count) + ") outside 0.." + n);
        }
        if (n > (1L << 24)) {
            throw new IllegalArgumentException("grid of " + n + " pixels exceeds float32 index precision");
        }
        double r = 1.0 / n;
        this.a = (float) (2 * r);
        this.b = (float) (-1 + r);
        this.cell = (float) (2.0 / n);
        this.start = start;
        this.count = count;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public float coord(int i) {
        return a * (float) (start + i) + b;
    }

    @Override
    public float cell() {
        return cell;
    }
}
