package org.liifviewer.training.data;

import java.io.IOException;

/**
 * An endless, reproducible sequence of training samples for {@link BatchLoader}: sample {@code i} depends only on the
 * source's seed and {@code i}, so any thread may compute any sample and a resumed run continues the same sequence.
 * Every sample of a source has the same input size and query count, so that consecutive samples form a batch.
 */
public interface SampleSource {

    /** Sample number {@code index} of the sequence. */
    TrainingSample sample(long index) throws IOException;

    /** Samples per epoch. */
    long epochSize();
}
