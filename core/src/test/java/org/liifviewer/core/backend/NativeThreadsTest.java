package org.liifviewer.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NativeThreadsTest {

    @Test
    void idleOpenMpThreadsSleepUnlessTheUserChoseOtherwise() {
        NativeThreads.configure();
        String expected = System.getenv("OMP_WAIT_POLICY") != null ? System.getenv("OMP_WAIT_POLICY") : "PASSIVE";
        assertEquals(expected, NativeThreads.nativeEnv("OMP_WAIT_POLICY"));
    }
}
