package org.liifviewer.training.run;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StepScheduleTest {

    @Test
    void halvesAtEachMilestone() {
        StepSchedule s = new StepSchedule(1e-4, new long[]{400000, 200000, 600000, 800000}, 0.5);
        assertEquals(1e-4, s.at(0));
        assertEquals(1e-4, s.at(199999));
        assertEquals(5e-5, s.at(200000));
        assertEquals(2.5e-5, s.at(400000));
        assertEquals(6.25e-6, s.at(999999));
    }
}
