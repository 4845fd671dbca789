package org.liifviewer.training.experiments;

/**
 * One row of a reproduced paper table.
 *
 * @param key    the run's folder name under the runs folder, shared by tables that share the row
 * @param label  the row's name in the paper, e.g. {@code LIIF (-c)}
 * @param config the training config, relative to the repository root
 * @param paper  the paper's numbers, one per column of the table (PSNR, dB)
 * @param task   Table 5's whole-image task, or null for a row scored at the scales of Tables 3 and 4
 */
public record TableRow(String key, String label, String config, double[] paper, WholeImageTask task) {

    /** A row of Tables 3 and 4. */
    static TableRow scales(String key, String label, double... paper) {
        return new TableRow(key, label, "training/configs/tables/" + key + ".yaml", paper, null);
    }

    /** A row of Table 5: method {@code label} on the task {@code inputSize} to {@code outputSize}. */
    static TableRow whole(String key, String label, int inputSize, int outputSize, double paper) {
        return new TableRow(key, label, "training/configs/tables/" + key + ".yaml", new double[]{paper},
                new WholeImageTask(inputSize, outputSize));
    }

    /**
     * Table 5's task: a whole {@code inputSize} square face to {@code outputSize} square.
     *
     * @param inputSize  L
     * @param outputSize H, a multiple of L
     */
    public record WholeImageTask(int inputSize, int outputSize) {

        /** H / L. */
        public int scale() {
            return outputSize / inputSize;
        }

        /** {@code L=64, H=128}, as the paper names it. */
        public String label() {
            return "L=" + inputSize + ", H=" + outputSize;
        }
    }
}
