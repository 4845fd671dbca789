package org.liifviewer.core.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.liifviewer.core.backend.NativeThreads;
import org.liifviewer.core.encoder.Encoder;
import org.liifviewer.core.encoder.Encoders;
import org.liifviewer.core.encoder.FeatureMap;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.liif.Decoders;
import org.liifviewer.core.liif.ProjectingDecoder;
import org.liifviewer.core.liif.RealismDecoder;
import org.liifviewer.core.model.FeatureLayer;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.ModelFormatException;
import org.liifviewer.core.model.Weights;
import org.liifviewer.core.model.io.ModelFiles;
import org.liifviewer.core.progress.RenderMonitor;

/**
 * A loaded LIIF, LM-LIIF or LIIF-GAN model: its encoder and its fast exact decoder. Images are encoded lazily, tile by tile, into a
 * memory-bounded cache shared by all images of this model. Thread-safe for rendering.
 */
public final class LiifModel {

    /**
     * Feature tile side (input pixels) of lazy encoding: small, so that a viewport encodes little beyond what it
     * shows (regions are encoded in few passes whatever the tile size, see {@link TiledProjections#prefetch}).
     */
    public static final int DEFAULT_TILE = 32;
    /** Renders of {@link #warmUp}. */
    private static final int WARM_UP_RENDERS = 24;
    /** Encodes of {@link #warmUp}, and the side of their blank input. */
    private static final int WARM_UP_ENCODES = 3;
    private static final int WARM_UP_INPUT = 48;
    /** Default memory budget of the tile cache: {@code -Dliif.tileCacheMB}, else 1 GiB. */
    public static final long DEFAULT_CACHE_BYTES = Long.getLong("liif.tileCacheMB", 1024) << 20;

    static {
        NativeThreads.configure();
    }

    private final LiifSpec spec;
    private final Encoder encoder;
    private final ProjectingDecoder decoder;
    private final TileCache cache;
    private final int tile;

    /** Loads a model file (an official .pth checkpoint or our .safetensors, see {@link ModelFiles#load(Path)}). */
    public static LiifModel load(Path file) throws IOException {
        return of(ModelFiles.load(file));
    }

    /** Loads a .safetensors model from a stream (see {@link ModelFiles#load(InputStream, String)}). */
    public static LiifModel load(InputStream stream, String name) throws IOException {
        return of(ModelFiles.load(stream, name));
    }

    private static LiifModel of(LiifModelFile file) throws ModelFormatException {
        return new LiifModel(file.spec(), file.weights());
    }

    public LiifModel(LiifSpec spec, Weights weights) throws ModelFormatException {
        this(spec, weights, DEFAULT_TILE, new TileCache(DEFAULT_CACHE_BYTES));
    }

    public LiifModel(LiifSpec spec, Weights weights, int tile, TileCache cache) throws ModelFormatException {
        this.spec = spec;
        this.encoder = Encoders.create(spec.encoder(), weights,
                spec.detail() == null ? FeatureLayer.LAST : spec.detail().baseFeatures());
        this.decoder = Decoders.create(spec, weights);
        this.tile = tile;
        this.cache = cache;
    }

    public LiifSpec spec() {
        return spec;
    }

    public Encoder encoder() {
        return encoder;
    }

    public ProjectingDecoder decoder() {
        return decoder;
    }

    public TileCache cache() {
        return cache;
    }

    /**
     * Encodes a small blank image and decodes a small synthetic feature map at x4 a few times, so that the JIT has
     * compiled the encoder's and the decoder's Java kernels before the first real render: until then the Vector
     * API's operations run many times slower (a fresh viewer's first viewport otherwise paid for it: its encoding
     * took four times as long). Takes about a second; call it where a model is loaded in the background.
     */
    public void warmUp() {
        for (int i = 0; i < WARM_UP_ENCODES; i++) {
            encoder.encode(new FloatImage(3, WARM_UP_INPUT, WARM_UP_INPUT,
                    new float[3 * WARM_UP_INPUT * WARM_UP_INPUT]));
        }
        int side = 16;
        int channels = spec.encoder().outChannels();
        FeatureMap features = new FeatureMap(channels, side, side, new float[channels * side * side]);
        LiifImage image = new LiifImage(decoder.prepare(features), side, side);
        for (int i = 0; i < WARM_UP_RENDERS; i++) {
            image.render(4 * side, 4 * side, RenderMonitor.NONE);
        }
    }

    /**
     * The continuous representation of an RGB image (values in [0, 1]). Nothing is computed yet: feature
     * tiles are encoded when a render first needs them.
     */
    public LiifImage encode(FloatImage rgb) {
        return encoded(rgb).image();
    }

    /** Whether the model has LIIF-GAN's second decoder, whose weight {@link #encode(FloatImage, float)} sets. */
    public boolean hasRealism() {
        return decoder instanceof RealismDecoder;
    }

    /**
     * Like {@link #encode(FloatImage)}, rendering {@code decoder 1 + realism * decoder 2}.
     *
     * @throws IllegalStateException if the model has no second decoder ({@link #hasRealism()})
     */
    public LiifImage encode(FloatImage rgb, float realism) {
        return encoded(rgb).atRealism(realism);
    }

    /** An RGB image encoded lazily by this model, from which renderings at any realism share the feature tiles. */
    public EncodedImage encoded(FloatImage rgb) {
        return new EncodedImage(decoder, new TiledProjections(encoder, decoder, rgb, tile, cache), rgb);
    }
}
