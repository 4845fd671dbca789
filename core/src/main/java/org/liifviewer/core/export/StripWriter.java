package org.liifviewer.core.export;

import java.io.IOException;
import org.liifviewer.core.image.FloatImage;

/** Writes an image strip by strip, top to bottom, to an open file. */
interface StripWriter {

    /** Appends the next rows: RGB planes and, when the output has alpha, a 1-channel alpha strip (else null). */
    void write(FloatImage rgb, FloatImage alphaOrNull) throws IOException;

    /** Writes what follows the last row; called once after all rows. */
    void finish() throws IOException;
}
