package org.liifviewer.training.run;

import java.util.Arrays;

/**
 * PyTorch's MultiStepLR expressed in iterations: lr = base · gamma^(number of milestones ≤ iteration), iterations
 * counted from 0. The official schedule (milestones at epochs 200, 400, 600, 800 of 1000 iterations) is
 * milestones 200000, 400000, 600000, 800000 here.
 */
public record StepSchedule(double base, long[] milestones, double gamma) {

    public StepSchedule {
        milestones = milestones.clone();
        Arrays.sort(milestones);
    }

    public double at(long iteration) {
        int passed = 0;
        for (long m : milestones) {
            if (m <= iteration) {
                passed++;
            }
        }
        return base * Math.pow(gamma, passed);
    }
}
