package org.liifviewer.training.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.Modulation;
import org.liifviewer.training.baseline.BaselineSpec;
import org.liifviewer.training.data.ImageFolders;
import org.liifviewer.training.data.ImplicitSampler;
import org.liifviewer.training.data.SampleSource;
import org.liifviewer.training.data.Sampling;
import org.liifviewer.training.data.SizeVariedStream;
import org.liifviewer.training.data.TrainingStream;
import org.liifviewer.training.gan.AdversarialLoss;
import org.liifviewer.training.graph.PixelLoss;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One experiment, read from YAML (snake_case keys; see {@code training/configs/}). Mirrors the official
 * {@code train_edsr-baseline-liif.yaml}: data, model (LIIF or one of the paper's baselines), Adam, multi-step
 * schedule, save interval; {@code ema_decay} (optional, not in the paper: 0 or absent is off) keeps a moving average
 * of the weights ({@link WeightAverage}); {@code loss} is {@code l1} (the paper's, when absent) or {@code l2}
 * ({@link PixelLoss}); {@code init} (optional) starts a fresh run with some tensors of a trained model, and may
 * freeze them ({@link Init}); {@code gan} (optional) trains LIIF-GAN ({@link Gan}).
 */
public record TrainConfig(String name, Data data, Model model, Optimizer optimizer, long iterations,
                          Schedule lrSchedule, int saveEvery, int logEvery, long seed, double emaDecay,
                          PixelLoss loss, Init init, Gan gan) {

    public TrainConfig {
        if (loss == null) {
            loss = PixelLoss.L1;
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * Training data: image folders, optional down-scaled copies of some of them ({@code downscaled}, a list of
     * groups of folders and factors), how often each image is drawn ({@code repeat}, and {@code sampling}:
     * {@code image} when absent, as the official code, or {@code area}; see {@link Sampling}), the sampler's
     * settings ({@code channel_permute} and {@code group_sampling}, LIIF-GAN's patches: off when absent, see
     * {@link ImplicitSampler.Settings}), in-memory cache,
     * loader threads and prefetch depth. With {@code size_varied} the samples are whole images with size-varied
     * ground truths ({@link SizeVaried}) instead of the paper's crops at random scales.
     */
    public record Data(List<String> folders, List<Downscaled> downscaled, int repeat, Sampling sampling, int batchSize,
                       int inpSize, double scaleMin, double scaleMax, int sampleQ, boolean augment,
                       boolean channelPermute, boolean groupSampling, boolean cache, int loaderThreads,
                       int prefetch, SizeVaried sizeVaried) {
        public Data {
            if (sampling == null) {
                sampling = Sampling.IMAGE;
            }
        }

        /**
         * The training samples, from {@code seed}: the paper's crops ({@link TrainingStream}) or, with
         * {@code size_varied}, whole images ({@link SizeVariedStream}).
         *
         * @throws IOException naming a folder that is missing or holds no images, or an image that does not fit
         */
        public SampleSource stream(long seed) throws IOException {
            List<ImageFolders.Folder> all = imageFolders();
            for (ImageFolders.Folder folder : all) {
                if (!Files.isDirectory(folder.path())) {
                    throw new IOException("training data folder not found: " + folder.path());
                }
            }
            ImageFolders images = new ImageFolders(all, cache);
            if (sizeVaried == null) {
                return new TrainingStream(images, new ImplicitSampler(sampler()), seed, repeat, sampling);
            }
            return new SizeVariedStream(images, sizeVariedSettings(), seed, repeat);
        }

        /** The whole-image sampler's settings; fails without {@code size_varied}. */
        public SizeVariedStream.Settings sizeVariedSettings() {
            return new SizeVariedStream.Settings(inpSize, sizeVaried.sizeMin(), sizeVaried.sizeMax(),
                    sizeVaried.gtResize(), sampleQ, augment);
        }

        public ImplicitSampler.Settings sampler() {
            return new ImplicitSampler.Settings(inpSize, scaleMin, scaleMax, sampleQ, augment, channelPermute,
                    groupSampling);
        }

        /** Every folder at its stored size, then each group of down-scaled folders, factor by factor. */
        public List<ImageFolders.Folder> imageFolders() {
            List<ImageFolders.Folder> all = new ArrayList<>(ImageFolders.Folder.asStored(paths(folders)));
            for (Downscaled group : downscaled == null ? List.<Downscaled>of() : downscaled) {
                for (double factor : group.factors()) {
                    for (Path folder : paths(group.folders())) {
                        all.add(new ImageFolders.Folder(folder, factor));
                    }
                }
            }
            return all;
        }

        private static List<Path> paths(List<String> folders) {
            return folders.stream().map(Path::of).toList();
        }
    }

    /**
     * Extra copies of the images of {@code folders}, down-scaled by each of {@code factors} (in (0, 1); e.g. 0.75 and
     * 0.5, the multi-scale augmentation EDSR used for DIV2K): the same photos with more detail per pixel.
     */
    public record Downscaled(List<String> folders, double[] factors) {
        public Downscaled {
            if (folders == null || folders.isEmpty() || factors == null || factors.length == 0) {
                throw new IllegalArgumentException("downscaled needs folders and factors");
            }
            for (double f : factors) {
                if (!(f > 0 && f < 1)) {
                    throw new IllegalArgumentException("downscaled factors must lie in (0, 1), got " + f);
                }
            }
        }
    }

    /**
     * Whole images with size-varied ground truths (LIIF paper, Sec. 5.3; the official {@code sr-implicit-uniform-varied}
     * and its argument names): ground-truth sides spread from {@code size_min} to {@code size_max} over the images,
     * inputs {@code inp_size} square, and, when {@code gt_resize} is set (the up-sampling modules), every ground truth
     * resized to that side. {@code augment} is the horizontal flip. See {@link SizeVariedStream}.
     */
    public record SizeVaried(int sizeMin, int sizeMax, int gtResize) {
    }

    /** Encoder: {@code edsr-baseline}/{@code edsr} (n_resblocks, n_feats, res_scale) or {@code rdn} (g0, d, c, g). */
    public record Encoder(String name, int nResblocks, int nFeats, double resScale, int g0, int d, int c, int g) {
        EncoderSpec toSpec() {
            if (name.equals("rdn")) {
                return new EncoderSpec.Rdn(g0, d, c, g);
            }
            if (name.startsWith("edsr")) {
                return new EncoderSpec.Edsr(name, nResblocks, nFeats, (float) resScale);
            }
            throw new IllegalArgumentException("unknown encoder '" + name + "' (edsr-baseline, edsr or rdn)");
        }
    }

    /**
     * LM-LIIF's render MLP: {@code depth} hidden layers of {@code width} units, scaled and/or shifted per latent code
     * (see {@link Modulation}).
     */
    public record Render(int depth, int width, boolean modScale, boolean modShift) {
    }

    /**
     * Tensors a fresh run takes from a trained model file: those whose names start with {@code prefix} (e.g.
     * {@code encoder.}); {@code freeze} keeps them fixed (they get no gradient, so training costs no backward pass
     * through them).
     */
    public record Init(String model, String prefix, boolean freeze) {
    }

    /**
     * The model. {@code name}: {@code liif} (the default when absent: encoder, MLP hidden widths and the three
     * switches), {@code lmliif} (LM-LIIF: {@code hidden} are the hyper-network's widths, {@code render} the modulated
     * render MLP), {@code metasr} (encoder only) or {@code upsampler} (an EDSR encoder and the integer {@code scale}).
     */
    public record Model(String name, int scale, Encoder encoder, int[] hidden, boolean localEnsemble,
                        boolean featUnfold, boolean cellDecode, Render render) {

        /** Whether this is a LIIF or LM-LIIF model (else a baseline). */
        @JsonIgnore
        public boolean isLiif() {
            return name == null || name.equals("liif") || name.equals("lmliif");
        }

        /** The LIIF architecture; fails for a baseline. */
        public LiifSpec toSpec() {
            if (!isLiif()) {
                throw new IllegalStateException(name + " is not a LIIF model");
            }
            if ("lmliif".equals(name) != (render != null)) {
                throw new IllegalArgumentException("an lmliif model needs a render section, and only it");
            }
            Modulation modulation = render == null ? null
                    : new Modulation(render.depth(), render.width(), render.modScale(), render.modShift());
            return new LiifSpec(encoder.toSpec(), hidden, 3, localEnsemble, featUnfold, cellDecode, modulation);
        }

        /** The baseline architecture; fails for LIIF. */
        public BaselineSpec toBaselineSpec() {
            return switch (name == null ? "liif" : name) {
                case "metasr" -> new BaselineSpec.MetaSr(encoder.toSpec());
                case "upsampler" -> {
                    if (!(encoder.toSpec() instanceof EncoderSpec.Edsr edsr)) {
                        throw new IllegalArgumentException("the up-sampler baseline needs an EDSR encoder");
                    }
                    yield new BaselineSpec.Upsampler(edsr, scale);
                }
                default -> throw new IllegalArgumentException("unknown model '" + name
                        + "' (liif, metasr or upsampler)");
            };
        }

        /** The architecture, comparable with {@code equals}: a {@link LiifSpec} or a {@link BaselineSpec}. */
        public Object architecture() {
            return isLiif() ? toSpec() : toBaselineSpec();
        }
    }

    /**
     * LIIF-GAN training (Kang and Ahn, BMVC 2022) on random-group-sampled patches ({@code data.group_sampling}),
     * starting from the trained model {@code init} names, whose encoder stays frozen. {@code variant}: {@code s} trains
     * the model's one decoder by {@code pixel_weight x L1} plus the discriminator's terms; {@code sf} adds decoder 2
     * on the last layer too (an MLP of {@code second_hidden} widths with the model's switches, its output layer
     * starting at zero so that training starts from decoder 1's output), trained by the discriminator's terms,
     * while decoder 1 is trained by L1 alone or, with {@code freeze_first}, stays as it is (realism 0 is then exactly
     * the initial model). {@code discriminator}: the hidden widths of the {@link PatchDiscriminator};
     * {@code adversarial}: the generator's form of the adversarial term ({@link AdversarialLoss}); the perceptual
     * term is feature matching on the discriminator's hidden layers, weighted by {@code matching_weight}, which needs
     * no pretrained network, plus, when {@code vgg19} names torchvision's VGG19 weights ({@code vgg19-*.pth} or
     * safetensors), the paper's VGG19 term weighted by {@code vgg_weight}. {@code detail_pixel_weight} (default 0)
     * adds the L1 loss of the sum to decoder 2's objective, a content term against grid-like detail.
     */
    public record Gan(String variant, int[] secondHidden, boolean freezeFirst, int[] discriminator,
                      AdversarialLoss adversarial, double pixelWeight, double adversarialWeight,
                      double matchingWeight, String vgg19, double vggWeight, double detailPixelWeight) {

        /** Whether the model gets a second decoder ({@code sf}). */
        @JsonIgnore
        public boolean twoDecoders() {
            return "sf".equals(variant);
        }

        /** Decoder 2's architecture next to decoder 1's {@code first}: an MLP with the same switches. */
        public LiifSpec secondSpec(LiifSpec first) {
            return new LiifSpec(first.encoder(), secondHidden, first.outDim(), first.localEnsemble(),
                    first.featUnfold(), first.cellDecode());
        }
    }

    /** Adam; only {@code name: adam} is supported. */
    public record Optimizer(String name, double lr) {
    }

    /** Multi-step schedule, milestones in iterations. */
    public record Schedule(long[] milestones, double gamma) {
    }

    /** Reads and checks a YAML config. */
    public static TrainConfig read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    /** Parses and checks YAML text. */
    public static TrainConfig parse(String yaml) throws IOException {
        TrainConfig config = YAML.readValue(yaml, TrainConfig.class);
        if (!"adam".equals(config.optimizer().name())) {
            throw new IOException("only the adam optimizer is supported, got " + config.optimizer().name());
        }
        config.model().architecture();
        if (config.emaDecay() < 0 || config.emaDecay() >= 1) {
            throw new IOException("ema_decay must lie in [0, 1) (0: no averaging), got " + config.emaDecay());
        }
        if (config.model().architecture() instanceof LiifSpec spec && spec.modulated() && !spec.cellDecode()) {
            throw new IOException("LM-LIIF trains with cell_decode: true (its hyper-network reads the cell)");
        }
        if (config.init() != null && config.init().freeze() && !"encoder.".equals(config.init().prefix())) {
            throw new IOException("init.freeze works for the whole encoder (prefix 'encoder.')");
        }
        if (config.gan() != null) {
            checkGan(config);
        }
        if (config.data().sizeVaried() != null) {
            checkSizeVaried(config);
        } else if (config.model().architecture() instanceof BaselineSpec.Upsampler up) {
            Data d = config.data();
            int crop = d.inpSize() * up.scale();
            if (d.scaleMin() != up.scale() || d.scaleMax() != up.scale() || d.sampleQ() < crop * crop) {
                throw new IOException("the x" + up.scale() + " up-sampler trains on whole HR crops: set scale_min and"
                        + " scale_max to " + up.scale() + " and sample_q to at least " + crop * crop);
            }
        }
        return config;
    }

    private static void checkSizeVaried(TrainConfig config) throws IOException {
        Data d = config.data();
        if (d.groupSampling() || d.channelPermute() || d.downscaled() != null || d.sampling() != Sampling.IMAGE
                || config.gan() != null) {
            throw new IOException("size_varied trains on whole images: group_sampling, channel_permute, downscaled,"
                    + " area sampling and gan do not apply");
        }
        try {
            d.sizeVariedSettings();
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (config.model().architecture() instanceof BaselineSpec.Upsampler up
                && d.sizeVaried().gtResize() != d.inpSize() * up.scale()) {
            throw new IOException("the x" + up.scale() + " up-sampler makes " + d.inpSize() * up.scale() + "x"
                    + d.inpSize() * up.scale() + " images from the " + d.inpSize() + "x" + d.inpSize()
                    + " input: set size_varied.gt_resize to " + d.inpSize() * up.scale());
        }
        if (config.model().architecture() instanceof BaselineSpec.MetaSr) {
            throw new IOException("size_varied trains LIIF or the up-sampler, not MetaSR");
        }
    }

    private static void checkGan(TrainConfig config) throws IOException {
        Gan gan = config.gan();
        if ("full".equals(gan.variant())) {
            throw new IOException("gan.variant full (decoder 1 on a mid layer) cannot be trained yet: use sf or s");
        }
        if (!"s".equals(gan.variant()) && !"sf".equals(gan.variant())) {
            throw new IOException("gan.variant must be s or sf, got " + gan.variant());
        }
        if (!config.model().isLiif() || config.model().render() != null) {
            throw new IOException("LIIF-GAN trains a LIIF model (the MLP decoder)");
        }
        if (!config.data().groupSampling()) {
            throw new IOException("LIIF-GAN trains on patches: set data.group_sampling: true");
        }
        if (config.init() == null || !(config.model().encoder().toSpec() instanceof EncoderSpec.Edsr)
                || !config.model().featUnfold()) {
            throw new IOException("LIIF-GAN fine-tunes a trained model: it needs init (whose encoder it freezes), an"
                    + " EDSR encoder and feat_unfold");
        }
        if (gan.twoDecoders() == (gan.secondHidden() == null)) {
            throw new IOException("gan.second_hidden gives decoder 2's widths: set it for variant sf, and only then");
        }
        if (gan.freezeFirst() && !gan.twoDecoders()) {
            throw new IOException("gan.freeze_first needs a second decoder (variant sf)");
        }
        if (gan.detailPixelWeight() != 0 && !gan.twoDecoders()) {
            throw new IOException("gan.detail_pixel_weight is decoder 2's L1 term: it needs a second decoder (variant"
                    + " sf); -S trains its one decoder with pixel_weight");
        }
        if (gan.discriminator() == null || gan.discriminator().length < 1 || gan.adversarial() == null) {
            throw new IOException("gan needs discriminator (hidden widths) and adversarial (minimax or"
                    + " non-saturating)");
        }
    }

    /** The loss of a config's YAML, as a checkpoint stores it ({@code l1} when absent, as in older checkpoints). */
    public static PixelLoss parseLoss(String yaml) throws IOException {
        JsonNode loss = YAML.readTree(yaml).get("loss");
        return loss == null || loss.isNull() ? PixelLoss.L1 : YAML.treeToValue(loss, PixelLoss.class);
    }

    /**
     * Only the model section of a config's YAML, as a checkpoint stores it: the rest (data, schedule) may be in an
     * older form, since a run may change its data between resumes.
     */
    public static Model parseModel(String yaml) throws IOException {
        JsonNode model = YAML.readTree(yaml).get("model");
        if (model == null || !model.isObject()) {
            throw new IOException("the config has no model section");
        }
        return YAML.treeToValue(model, Model.class);
    }

    /** This config as YAML, stored in checkpoints. */
    public String toYaml() throws IOException {
        return YAML.writeValueAsString(this);
    }

    public StepSchedule schedule() {
        return new StepSchedule(optimizer.lr(), lrSchedule.milestones(), lrSchedule.gamma());
    }

    /** A copy with another iteration count. */
    public TrainConfig withIterations(long total) {
        return new TrainConfig(name, data, model, optimizer, total, lrSchedule, saveEvery, logEvery, seed, emaDecay,
                loss, init, gan);
    }
}
