package org.liifviewer.app.cli;

import picocli.CommandLine.Option;

/** The target size of an upscaling command: {@code --scale S} or {@code --size WxH} (exactly one). */
final class OutputSize {

    /** Largest accepted output side, far above any screen but below the limits of the renderers. */
    static final int MAX_SIDE = 1 << 20;

    @Option(names = "--scale", paramLabel = "S", description = "scale factor (any real number > 0, e.g. 3.7)")
    Double scale;

    @Option(names = "--size", paramLabel = "WxH", description = "exact output size in pixels, e.g. 1920x1080")
    String size;

    /** Output (height, width) for an input of {@code h x w} pixels. */
    int[] resolve(int h, int w) {
        int outH;
        int outW;
        if (scale != null) {
            double s = scale;
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("--scale must be a positive number, got " + s);
            }
            outH = checkedSide(Math.round(h * s), "height");
            outW = checkedSide(Math.round(w * s), "width");
        } else {
            String[] parts = size.toLowerCase().split("x");
            if (parts.length != 2) {
                throw new IllegalArgumentException("--size must look like WIDTHxHEIGHT, e.g. 640x480, got " + size);
            }
            try {
                outW = checkedSide(Long.parseLong(parts[0].trim()), "width");
                outH = checkedSide(Long.parseLong(parts[1].trim()), "height");
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--size must look like WIDTHxHEIGHT, e.g. 640x480, got " + size);
            }
        }
        return new int[] {outH, outW};
    }

    private static int checkedSide(long v, String what) {
        if (v < 1 || v > MAX_SIDE) {
            throw new IllegalArgumentException("output " + what + " " + v + " is outside 1.." + MAX_SIDE);
        }
        return (int) v;
    }
}
