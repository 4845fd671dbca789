package org.liifviewer.core.liif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.liifviewer.core.liif.ModulatedDecoderTest.assertClose;
import static org.liifviewer.core.liif.ModulatedDecoderTest.randomQueries;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.liifviewer.core.bench.DecodeBenchmark;
import org.liifviewer.core.bench.RandomWeights;
import org.liifviewer.core.encoder.Encoders;
import org.liifviewer.core.encoder.FeatureMap;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.model.DetailDecoder;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.FeatureLayer;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.Modulation;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.Weights;
import org.liifviewer.core.progress.RenderMonitor;
import org.liifviewer.core.render.LiifImage;
import org.liifviewer.core.render.LiifModel;
import org.liifviewer.core.render.TileCache;

/**
 * LIIF-GAN's rendering ({@code decoder 1 + realism * decoder 2}, tiled, both decoder families, decoder 1 on the last
 * or a mid layer) against each decoder's plain reference implementation run separately on independently computed
 * features.
 */
class RealismDecoderTest {

    private static final EncoderSpec.Edsr EDSR = new EncoderSpec.Edsr("edsr-baseline", 2, 6, 1f);
    private static final FloatImage IMAGE = DecodeBenchmark.randomImage(9, 11, 4);

    static Stream<Arguments> variants() {
        LiifSpec liif = new LiifSpec(EDSR, new int[] {12}, 3, true, true, true);
        LiifSpec small = new LiifSpec(EDSR, new int[] {10, 7}, 3, true, true, true);
        LiifSpec lm = new LiifSpec(EDSR, new int[] {12}, 3, true, true, true, new Modulation(2, 4, true, true));
        return Stream.of(
                Arguments.of(liif.withDetail(new DetailDecoder(small, FeatureLayer.LAST, 1f)), 0.7f),
                Arguments.of(liif.withDetail(new DetailDecoder(lm, new FeatureLayer(1), 1f)), 0.35f),
                Arguments.of(lm.withDetail(new DetailDecoder(liif, new FeatureLayer(0), 0.5f)), 1f),
                Arguments.of(liif.withDetail(new DetailDecoder(small, new FeatureLayer(2), 1f)), 0.6f));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void renderingEqualsTheFirstDecoderPlusRealismTimesTheSecond(LiifSpec spec, float realism) throws Exception {
        Weights weights = RandomWeights.of(spec, 11);
        Queries queries = randomQueries(300, 4);
        float[] expected = reference(spec, weights, realism, queries);

        LiifModel model = new LiifModel(spec, weights, 4, new TileCache(1 << 24));
        float[] tiled = new float[3 * queries.count()];
        model.encode(IMAGE, realism).features().decode(queries, tiled);
        assertClose(expected, tiled, "tiled render");

        float[] whole = new float[3 * queries.count()];
        RealismDecoder decoder = (RealismDecoder) Decoders.create(spec, weights);
        FeatureMap both = model.encoder().encode(IMAGE);
        FeatureMap lastOnly = Encoders.create(EDSR, weights).encode(IMAGE);
        float[] projected = decoder.project(channelsLast(spec.detail().baseFeatures().last() ? lastOnly : both))
                .data().asFloat();
        decoder.prepare(Projections.whole(projected, 9, 11, decoder.projectionWidth()), realism).decode(queries, whole);
        assertClose(expected, whole, "whole-map projections");
    }

    @Test
    void theDefaultRealismIsTheSpecsAndAStandAloneWindowEqualsTheCachedRender() throws Exception {
        LiifSpec spec = (LiifSpec) variants().toList().get(1).get()[0];
        Weights weights = RandomWeights.of(spec, 5);
        LiifModel model = new LiifModel(spec, weights, 4, new TileCache(1 << 24));
        Axis rows = Axis.grid(27, 5, 9);
        Axis cols = Axis.grid(33, 20, 11);
        FloatImage cached = model.encode(IMAGE).render(rows, cols, RenderMonitor.NONE);
        FloatImage alone = model.encode(IMAGE, 1f).renderAlone(rows, cols, RenderMonitor.NONE);
        assertArrayEquals(cached.data(), alone.data(), 1e-6f);
    }

    @Test
    void atRealismZeroTheOutputIsExactlyTheFirstDecodersModel() throws Exception {
        LiifSpec spec = (LiifSpec) variants().toList().get(0).get()[0];
        Weights weights = RandomWeights.of(spec, 8);
        LiifImage pair = new LiifModel(spec, weights).encode(IMAGE, 0f);
        LiifImage first = new LiifModel(spec.base(), DetailDecoder.baseWeightsOf(weights)).encode(IMAGE);
        assertArrayEquals(first.render(31, 40, RenderMonitor.NONE).data(), pair.render(31, 40, RenderMonitor.NONE)
                .data());
    }

    @Test
    void aModelWithOneDecoderHasNoRealism() throws Exception {
        LiifSpec spec = new LiifSpec(EDSR, new int[] {12}, 3, true, true, true);
        LiifModel model = new LiifModel(spec, RandomWeights.of(spec, 1));
        assertThrows(IllegalStateException.class, () -> model.encode(IMAGE, 0.5f));
    }

    /** Each decoder's reference implementation on its own features, summed as {@code d1 + realism * d2}. */
    private static float[] reference(LiifSpec spec, Weights weights, float realism, Queries queries)
            throws Exception {
        FeatureLayer layer = spec.detail().baseFeatures();
        FeatureMap last = Encoders.create(EDSR, weights).encode(IMAGE);
        FeatureMap firstFeatures = layer.last() ? last : midLayer(weights, layer.afterBlocks());
        float[] d1 = new float[3 * queries.count()];
        float[] d2 = new float[3 * queries.count()];
        referenceDecoder(spec.base(), DetailDecoder.baseWeightsOf(weights)).prepare(firstFeatures).decode(queries, d1);
        referenceDecoder(spec.detail().spec(), DetailDecoder.weightsOf(weights)).prepare(last).decode(queries, d2);
        for (int i = 0; i < d1.length; i++) {
            d1[i] += realism * d2[i];
        }
        return d1;
    }

    private static QueryDecoder referenceDecoder(LiifSpec spec, Weights weights) throws Exception {
        return spec.modulated() ? new ModulatedReferenceDecoder(spec, weights)
                : new ReferenceDecoder(spec, new Mlp(spec, weights));
    }

    /**
     * EDSR's residual stream after {@code blocks} blocks, computed with the plain encoder: a {@code blocks}-block EDSR
     * whose body conv is the identity outputs stream + head, and a 0-block EDSR whose body conv is zero outputs head.
     */
    private static FeatureMap midLayer(Weights weights, int blocks) throws Exception {
        int f = EDSR.nFeats();
        EncoderSpec.Edsr shorter = new EncoderSpec.Edsr(EDSR.name(), blocks, f, EDSR.resScale());
        EncoderSpec.Edsr headOnly = new EncoderSpec.Edsr(EDSR.name(), 0, f, EDSR.resScale());
        float[] identity = new float[f * f * 9];
        for (int c = 0; c < f; c++) {
            identity[(c * f + c) * 9 + 4] = 1f;
        }
        FeatureMap streamPlusHead = Encoders.create(shorter, withBodyConv(weights, blocks, identity)).encode(IMAGE);
        FeatureMap head = Encoders.create(headOnly, withBodyConv(weights, 0, new float[f * f * 9])).encode(IMAGE);
        float[] stream = streamPlusHead.data().clone();
        for (int i = 0; i < stream.length; i++) {
            stream[i] -= head.data()[i];
        }
        return new FeatureMap(f, IMAGE.height(), IMAGE.width(), stream);
    }

    private static Weights withBodyConv(Weights weights, int index, float[] kernel) {
        int f = EDSR.nFeats();
        Map<String, Tensor> m = new LinkedHashMap<>(weights.asMap());
        m.put("encoder.body." + index + ".weight", new Tensor(new long[] {f, f, 3, 3}, kernel));
        m.put("encoder.body." + index + ".bias", new Tensor(new long[] {f}, new float[f]));
        return new Weights(m);
    }

    private static org.nd4j.linalg.api.ndarray.INDArray channelsLast(FeatureMap f) {
        return org.nd4j.linalg.factory.Nd4j.create(f.data(), new long[] {1, f.channels(), f.height(), f.width()}, 'c')
                .permute(0, 2, 3, 1).dup('c');
    }
}
