package org.liifviewer.core.liif;

/** Projections held in one pixel-major array covering a rectangular window of the feature map. */
final class WindowProjections implements Projections, Projections.View {

    private final float[] data;
    private final int y0;
    private final int x0;
    private final int y1;
    private final int x1;
    private final int height;
    private final int width;
    private final int dim;

    WindowProjections(float[] data, int y0, int x0, int y1, int x1, int height, int width, int dim) {
        if ((long) (y1 - y0 + 1) * (x1 - x0 + 1) * dim != data.length) {
            throw new IllegalArgumentException("window " + (y1 - y0 + 1) + "x" + (x1 - x0 + 1) + "x" + dim
                    + " does not match " + data.length + " values");
        }
        this.data = data;
        this.y0 = y0;
        this.x0 = x0;
        this.y1 = y1;
        this.x1 = x1;
        this.height = height;
        this.width = width;
        this.dim = dim;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public View view(int vy0, int vx0, int vy1, int vx1) {
        if (vy0 < y0 || vx0 < x0 || vy1 > y1 || vx1 > x1) {
            throw new IllegalStateException("window " + y0 + ".." + y1 + " x " + x0 + ".." + x1
                    + " does not cover " + vy0 + ".." + vy1 + " x " + vx0 + ".." + vx1);
        }
        return this;
    }

    @Override
    public float[] array(int y, int x) {
        return data;
    }

    @Override
    public int offset(int y, int x) {
        return ((y - y0) * (x1 - x0 + 1) + (x - x0)) * dim;
    }
}
