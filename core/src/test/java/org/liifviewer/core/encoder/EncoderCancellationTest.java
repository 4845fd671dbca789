package org.liifviewer.core.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.liifviewer.core.bench.DecodeBenchmark;
import org.liifviewer.core.bench.RandomWeights;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.LiifSpec;

/** The between-blocks hook: called once before each block and before the tail, and able to abandon a pass. */
class EncoderCancellationTest {

    private static final EncoderSpec EDSR = new EncoderSpec.Edsr("edsr-baseline", 3, 8, 1f);
    private static final EncoderSpec RDN = new EncoderSpec.Rdn(8, 2, 3, 4);

    static Stream<Arguments> hookCalls() {
        return Stream.of(Arguments.of(EDSR, 3 + 1), Arguments.of(RDN, 2 + 1));      // blocks, then the tail
    }

    static Stream<EncoderSpec> encoders() {
        return Stream.of(EDSR, RDN);
    }

    @ParameterizedTest
    @MethodSource("hookCalls")
    void hookRunsBetweenBlocksWithoutChangingTheFeatures(EncoderSpec spec, int expectedCalls) throws Exception {
        Encoder encoder = encoder(spec);
        FloatImage rgb = DecodeBenchmark.randomImage(9, 11, 3);
        AtomicInteger calls = new AtomicInteger();
        float[] plain = encoder.encodeChannelsLast(rgb).data().asFloat();
        float[] hooked = encoder.encodeChannelsLast(rgb, calls::incrementAndGet).data().asFloat();
        assertEquals(expectedCalls, calls.get());
        assertArrayEquals(plain, hooked);
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void aThrowingHookAbandonsThePassAndTheEncoderStaysUsable(EncoderSpec spec) throws Exception {
        Encoder encoder = encoder(spec);
        FloatImage rgb = DecodeBenchmark.randomImage(9, 11, 5);
        float[] before = encoder.encodeChannelsLast(rgb).data().asFloat();
        AtomicInteger calls = new AtomicInteger();
        assertThrows(CancellationException.class, () -> encoder.encodeChannelsLast(rgb, () -> {
            if (calls.incrementAndGet() == 2) {
                throw new CancellationException("stop");
            }
        }));
        assertEquals(2, calls.get(), "no block ran after the hook threw");
        assertArrayEquals(before, encoder.encodeChannelsLast(rgb).data().asFloat());
    }

    private static Encoder encoder(EncoderSpec spec) throws Exception {
        LiifSpec liif = new LiifSpec(spec, new int[] {16}, 3, true, true, true);
        return Encoders.create(spec, RandomWeights.of(liif, 7));
    }
}
