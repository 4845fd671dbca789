package org.liifviewer.core.liif;

/** Output pixel centres over an arbitrary span of input pixels (see {@link Axis#span}). */
final class SpanAxis implements Axis {

    private final double origin;
    private final double step;
    private final int count;
    private final float cell;

    SpanAxis(int inputSize, double from, double length, int count) {
        if (inputSize <= 0 || count <= 0 || !(length > 0) || !Double.isFinite(from) || !Double.isFinite(length)) {
            throw new IllegalArgumentException("invalid span: input " + inputSize + ", from " + from
                    + ", length " + length + ", samples " + count);
        }
        double pixel = length / count;                  // output pixel size in input pixels
        this.step = 2.0 * pixel / inputSize;            // ... in normalised units
        this.origin = -1.0 + 2.0 * from / inputSize + step / 2;
        this.cell = (float) step;
        this.count = count;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public float coord(int i) {
        return (float) (origin + step * i);
    }

    @Override
    public float cell() {
        return cell;
    }
}
