package org.liifviewer.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class StallMonitorTest {

    @Test
    void keepsTheWorstGapAndTheDistribution() {
        StallMonitor m = new StallMonitor();
        long t = 1_000_000_000L;
        m.handle(t);
        for (int i = 0; i < 98; i++) {
            t += 16_700_000;                          // 98 frames on time
            m.handle(t);
        }
        t += 40_000_000;
        m.handle(t);
        t += 120_500_000;
        m.handle(t);
        assertEquals(120.5, m.worstMillis(), 1e-9);
        assertEquals(17, m.percentileMillis(0.5), "16.7 ms gaps fall in the 16 ms bucket, reported as its upper bound");
        assertEquals(17, m.percentileMillis(0.98));
        assertEquals(41, m.percentileMillis(0.99));
        assertEquals(121, m.percentileMillis(1));
        assertEquals(2, m.gapsOver(33));
        assertEquals(1, m.gapsOver(50));
        assertEquals(100, m.gapsOver(0));
        m.reset();
        m.handle(t + 1);
        assertEquals(0, m.worstMillis());
        assertEquals(0, m.gapsOver(0));
    }
}
