package org.liifviewer.core.render;

import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.liif.ProjectingDecoder;
import org.liifviewer.core.liif.RealismDecoder;

/**
 * An image as one model encodes it, lazily: every rendering made from it (at any realism, for a LIIF-GAN model)
 * shares its feature tiles, so changing the realism costs decoding only.
 */
public final class EncodedImage {

    private final ProjectingDecoder decoder;
    private final TiledProjections projections;
    private final FloatImage rgb;

    EncodedImage(ProjectingDecoder decoder, TiledProjections projections, FloatImage rgb) {
        this.decoder = decoder;
        this.projections = projections;
        this.rgb = rgb;
    }

    /** The continuous image the model renders (a LIIF-GAN model at its default realism). */
    public LiifImage image() {
        return new LiifImage(decoder.prepare(projections), rgb.height(), rgb.width());
    }

    /** Whether the model has LIIF-GAN's second decoder, whose weight {@link #atRealism} sets. */
    public boolean hasRealism() {
        return decoder instanceof RealismDecoder;
    }

    /**
     * The continuous image {@code decoder 1 + realism * decoder 2}.
     *
     * @throws IllegalStateException if the model has no second decoder ({@link #hasRealism()})
     */
    public LiifImage atRealism(float realism) {
        if (!(decoder instanceof RealismDecoder pair)) {
            throw new IllegalStateException("the model has no second decoder, so no realism to set");
        }
        return new LiifImage(pair.prepare(projections, realism), rgb.height(), rgb.width());
    }
}
