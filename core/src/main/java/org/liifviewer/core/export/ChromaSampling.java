package org.liifviewer.core.export;

import java.util.Arrays;

/** How a JPEG stores colour (Cb, Cr) relative to brightness (Y). */
public enum ChromaSampling {
    /** 4:4:4: colour at full resolution, so coloured edges stay as sharp as the rendering; larger files. */
    FULL_444("444", 8),
    /** 4:2:0: colour at half resolution each way, the default of cameras and libjpeg; smaller files. */
    HALF_420("420", 16);

    private final String code;
    private final int mcuSize;

    ChromaSampling(String code, int mcuSize) {
        this.code = code;
        this.mcuSize = mcuSize;
    }

    /** Pixels a minimum coded unit spans in each direction (8 or 16). */
    public int mcuSize() {
        return mcuSize;
    }

    /** Pixels per chroma sample in each direction (1 or 2); also the luma blocks per MCU side. */
    int chromaFactor() {
        return mcuSize / 8;
    }

    /** Luma sampling factors as SOF0 stores them (horizontal in the high nibble), chroma being 1x1. */
    int lumaSamplingFactors() {
        return chromaFactor() << 4 | chromaFactor();
    }

    /** "4:4:4" or "4:2:0". */
    @Override
    public String toString() {
        return code.charAt(0) + ":" + code.charAt(1) + ":" + code.charAt(2);
    }

    /** The sampling named "444" or "420" (also "4:4:4", "4:2:0"). */
    public static ChromaSampling parse(String name) {
        String digits = name.replace(":", "");
        return Arrays.stream(values()).filter(c -> c.code.equals(digits)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("chroma sampling must be 444 or 420, got " + name));
    }
}
