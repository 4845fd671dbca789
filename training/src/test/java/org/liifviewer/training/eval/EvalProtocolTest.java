package org.liifviewer.training.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.liifviewer.core.image.PsnrProtocol;

/** test.py's eval types: div2k-S is RGB with shave S + 6, benchmark-S is Y with shave S. */
class EvalProtocolTest {

    @Test
    void shavesAndChannelsFollowTestPy() {
        assertEquals(new PsnrProtocol(9, false), EvalProtocol.DIV2K.psnr(3));
        assertEquals(new PsnrProtocol(3, true), EvalProtocol.BENCHMARK.psnr(3));
        assertEquals(36, EvalProtocol.DIV2K.ssimShave(30));
        assertEquals(30, EvalProtocol.BENCHMARK.ssimShave(30));
    }

    @Test
    void namesParseInAnyCase() {
        assertEquals(EvalProtocol.DIV2K, EvalProtocol.parse("DIV2K"));
        assertEquals(EvalProtocol.BENCHMARK, EvalProtocol.parse("benchmark"));
        assertThrows(IllegalArgumentException.class, () -> EvalProtocol.parse("set5"));
    }
}
