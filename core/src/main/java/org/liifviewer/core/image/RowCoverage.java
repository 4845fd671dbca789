package org.liifviewer.core.image;

import java.awt.image.BufferedImage;
import java.util.BitSet;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadUpdateListener;

/**
 * The rows an image reader reports as decoded. Some decoders (GIF) stop without a word where the data ends and
 * leave the rest of the picture blank; their row reports show it. Decoders that report no rows at all are not
 * judged.
 */
final class RowCoverage implements IIOReadUpdateListener {

    private final BitSet rows = new BitSet();

    /** How many of the image's {@code height} rows were decoded: all of them when the reader reports none. */
    int decodedRows(int height) {
        return rows.isEmpty() ? height : rows.cardinality();
    }

    @Override
    public void imageUpdate(ImageReader source, BufferedImage image, int minX, int minY, int width, int height,
                            int periodX, int periodY, int[] bands) {
        for (int y = minY; y < minY + height; y += Math.max(1, periodY)) {
            rows.set(y);
        }
    }

    @Override
    public void passStarted(ImageReader source, BufferedImage image, int pass, int minPass, int maxPass, int minX,
                            int minY, int periodX, int periodY, int[] bands) {
        // rows are counted as they are decoded
    }

    @Override
    public void passComplete(ImageReader source, BufferedImage image) {
        // rows are counted as they are decoded
    }

    @Override
    public void thumbnailPassStarted(ImageReader source, BufferedImage thumbnail, int pass, int minPass, int maxPass,
                                     int minX, int minY, int periodX, int periodY, int[] bands) {
        // thumbnails are not read
    }

    @Override
    public void thumbnailUpdate(ImageReader source, BufferedImage thumbnail, int minX, int minY, int width, int height,
                                int periodX, int periodY, int[] bands) {
        // thumbnails are not read
    }

    @Override
    public void thumbnailPassComplete(ImageReader source, BufferedImage thumbnail) {
        // thumbnails are not read
    }
}
