package org.liifviewer.core.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGQTable;

/**
 * A baseline sequential JPEG encoder (T.81), fed one MCU row at a time: 8-bit YCbCr, Annex K quantisation
 * tables scaled by the IJG quality formula, the Annex K Huffman tables, one interleaved scan, no restart
 * markers, chroma at full resolution (4:4:4) or halved each way (4:2:0, {@link ChromaSampling}). Writes DQT,
 * SOF0, DHT and SOS when created, the entropy-coded data as rows arrive, and EOI on {@link #finish()}.
 */
final class JpegEncoder {

    private static final int EOB = 0x00;
    private static final int ZRL = 0xf0;

    private final OutputStream out;
    private final ChromaSampling chroma;
    private final JpegBitWriter bits;
    private final QuantisationTable lumaTable;
    private final QuantisationTable chromaTable;
    private final HuffmanTable lumaDc = new HuffmanTable(JPEGHuffmanTable.StdDCLuminance);
    private final HuffmanTable lumaAc = new HuffmanTable(JPEGHuffmanTable.StdACLuminance);
    private final HuffmanTable chromaDc = new HuffmanTable(JPEGHuffmanTable.StdDCChrominance);
    private final HuffmanTable chromaAc = new HuffmanTable(JPEGHuffmanTable.StdACChrominance);
    private final float[][] luma;
    private final float[] cb = new float[64];
    private final float[] cr = new float[64];
    private final int[] coefficients = new int[64];
    private int lumaDcPrediction;
    private int cbDcPrediction;
    private int crDcPrediction;

    /** Writes the frame and scan headers of a {@code width} x {@code height} image at {@code quality} in [0, 1]. */
    JpegEncoder(OutputStream out, int width, int height, float quality, ChromaSampling chroma) throws IOException {
        this.out = out;
        this.chroma = chroma;
        this.luma = new float[chroma.chromaFactor() * chroma.chromaFactor()][64];
        this.bits = new JpegBitWriter(out);
        this.lumaTable = new QuantisationTable(JPEGQTable.K1Luminance, quality);
        this.chromaTable = new QuantisationTable(JPEGQTable.K2Chrominance, quality);
        ByteArrayOutputStream dqt = new ByteArrayOutputStream();
        lumaTable.appendTo(dqt, 0);
        chromaTable.appendTo(dqt, 1);
        JpegSegments.segment(out, JpegSegments.DQT, dqt.toByteArray());
        JpegSegments.segment(out, JpegSegments.SOF0, new byte[] {
                8, (byte) (height >>> 8), (byte) height, (byte) (width >>> 8), (byte) width, 3,
                1, (byte) chroma.lumaSamplingFactors(), 0,     // Y: 1x1 (4:4:4) or 2x2 (4:2:0), table 0
                2, 0x11, 1,     // Cb: 1x1, table 1
                3, 0x11, 1});   // Cr: 1x1, table 1
        ByteArrayOutputStream dht = new ByteArrayOutputStream();
        lumaDc.appendTo(dht, 0, 0);
        lumaAc.appendTo(dht, 1, 0);
        chromaDc.appendTo(dht, 0, 1);
        chromaAc.appendTo(dht, 1, 1);
        JpegSegments.segment(out, JpegSegments.DHT, dht.toByteArray());
        JpegSegments.segment(out, JpegSegments.SOS, new byte[] {
                3, 1, 0x00, 2, 0x11, 3, 0x11,   // components with their DC/AC tables
                0, 63, 0});                     // whole spectrum, no successive approximation
    }

    /**
     * Encodes the next MCU row: {@code chroma.mcuSize()} rows of interleaved RGB, each {@code stride} bytes, a
     * multiple of one MCU's width (the image's right edge already replicated into the padding).
     */
    void encodeMcuRow(byte[] rgb, int stride) throws IOException {
        for (int x0 = 0; 3 * x0 < stride; x0 += chroma.mcuSize()) {
            YCbCrSampler.sample(rgb, stride, x0, chroma, luma, cb, cr);
            for (float[] block : luma) {
                lumaDcPrediction = encodeBlock(block, lumaTable, lumaDc, lumaAc, lumaDcPrediction);
            }
            cbDcPrediction = encodeBlock(cb, chromaTable, chromaDc, chromaAc, cbDcPrediction);
            crDcPrediction = encodeBlock(cr, chromaTable, chromaDc, chromaAc, crDcPrediction);
        }
    }

    /** Ends the scan and writes EOI. */
    void finish() throws IOException {
        bits.finish();
        JpegSegments.marker(out, JpegSegments.EOI);
    }

    /** Transforms, quantises and codes one block (T.81 F.1.2); returns its DC, the next prediction. */
    private int encodeBlock(float[] block, QuantisationTable table, HuffmanTable dc, HuffmanTable ac,
                            int dcPrediction) throws IOException {
        ForwardDct.transform(block);
        table.quantise(block, coefficients);
        writeCoefficient(dc, 0, coefficients[0] - dcPrediction);
        int run = 0;
        for (int k = 1; k < 64; k++) {
            int v = coefficients[k];
            if (v == 0) {
                run++;
                continue;
            }
            for (; run >= 16; run -= 16) {
                ac.write(bits, ZRL, 0, 0);
            }
            writeCoefficient(ac, run << 4, v);
            run = 0;
        }
        if (run > 0) {
            ac.write(bits, EOB, 0, 0);
        }
        return coefficients[0];
    }

    /** Codes {@code v} as its size category (or'ed into {@code runBits}) and the category's extra bits. */
    private void writeCoefficient(HuffmanTable table, int runBits, int v) throws IOException {
        int size = 32 - Integer.numberOfLeadingZeros(Math.abs(v));
        int extra = (v < 0 ? v - 1 : v) & ((1 << size) - 1);
        table.write(bits, runBits | size, extra, size);
    }
}
