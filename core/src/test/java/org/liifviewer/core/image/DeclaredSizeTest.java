package org.liifviewer.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The size a header declares is judged before decoding: against the file's size and the memory Java may use. */
class DeclaredSizeTest {

    private static final Path FILE = Path.of("photo.gif");

    @Test
    void aFileFarTooSmallForItsClaimedSizeIsRefused() throws ImageFormatException {
        assertEquals(36_621, DeclaredSize.minimumFileSize(ContainerFormat.GIF, 20_000, 20_000));
        assertEquals(48_468, DeclaredSize.minimumFileSize(ContainerFormat.PNG, 20_000, 20_000));
        assertEquals(781_250, DeclaredSize.minimumFileSize(ContainerFormat.JPEG, 20_000, 20_000));
        assertEquals(0, DeclaredSize.minimumFileSize(ContainerFormat.TIFF, 20_000, 20_000), "no bound known");
        ImageFormatException e = assertThrows(ImageFormatException.class,
                () -> DeclaredSize.check(FILE.toString(), ContainerFormat.GIF, 20_000, 20_000, 4_678, Long.MAX_VALUE));
        assertEquals("photo.gif: the header claims 20000×20000 pixels, but the file is far too small to hold them"
                + " (a damaged or forged GIF)", e.getMessage());
        DeclaredSize.check(FILE.toString(), ContainerFormat.GIF, 640, 480, 4_678, Long.MAX_VALUE);
    }

    @Test
    void impossibleAndOverLimitSizesAreRefused() {
        assertEquals("photo.gif: the header declares an impossible size 0×48 (a damaged GIF)",
                assertThrows(ImageFormatException.class,
                        () -> DeclaredSize.check(FILE.toString(), ContainerFormat.GIF, 0, 48, 100, 1000)).getMessage());
        assertEquals("photo.gif: the image is too large: 40×30 pixels, more than the limit of 1000",
                assertThrows(ImageFormatException.class,
                        () -> DeclaredSize.check(FILE.toString(), ContainerFormat.GIF, 40, 30, 100, 1000)).getMessage());
    }

    @Test
    void decodingThatCannotFitInTheHeapIsRefusedUpFront() {
        long side = 60_000;    // 3.6 gigapixels: 86 GB to decode, far beyond any test heap
        String message = assertThrows(ImageFormatException.class, () -> DeclaredSize.check(FILE.toString(),
                ContainerFormat.TIFF, side, side, Long.MAX_VALUE, Long.MAX_VALUE)).getMessage();
        assertTrue(message.startsWith("photo.gif: the image is too large for the memory available: 60000×60000 pixels"
                + " need about 86.4 GB to decode, Java may use "), message);
    }

    @Test
    void rowsADecoderNeverReachedAreCounted() {
        RowCoverage rows = new RowCoverage();
        assertEquals(480, rows.decodedRows(480), "a decoder that reports nothing is not judged");
        BufferedImage img = new BufferedImage(64, 480, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 4; y++) {
            rows.imageUpdate(null, img, 0, y, 64, 1, 1, 1, new int[] {0});
        }
        rows.imageUpdate(null, img, 0, 8, 64, 40, 1, 8, new int[] {0});   // an interlaced pass: every 8th row
        assertEquals(9, rows.decodedRows(480));
    }
}
