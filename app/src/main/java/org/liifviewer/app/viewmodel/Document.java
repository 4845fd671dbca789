package org.liifviewer.app.viewmodel;

import java.util.List;
import org.liifviewer.core.image.DecodedImage;

/**
 * An opened image.
 *
 * @param name    what the title bar shows
 * @param path    the file, or null for the built-in sample
 * @param decoded the decoded pixels and metadata
 * @param levels  display images: level 0 full size, then area-averaged halvings (see {@link Mipmaps})
 * @param <T>     the display image type
 */
public record Document<T>(String name, java.nio.file.Path path, DecodedImage decoded, List<T> levels) {

    public int width() {
        return decoded.width();
    }

    public int height() {
        return decoded.height();
    }
}
