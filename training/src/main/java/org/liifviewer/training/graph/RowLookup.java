package org.liifviewer.training.graph;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * Row lookup {@code out[n] = table[rows[n]]} and its exact adjoint, the scatter-add
 * {@code grad_table[r] = sum over n with rows[n] = r of grad_out[n]}. SameDiff 1.0.0-M2.1's own gather gradient
 * assigns instead of adding when rows repeat, which they always do in LIIF, so the lookup runs outside the graph.
 * The scatter-add is a Java loop over the arrays' native buffers: M2.1's {@code unsorted_segment_sum} leaks about
 * its input's size of native memory per call (~100 MB per training step, measured).
 */
final class RowLookup {

    private final int[] rowIndices;
    private final INDArray rows;
    private final long tableRows;

    RowLookup(int[] rows, long tableRows) {
        this.rowIndices = rows;
        this.rows = Nd4j.createFromArray(rows);
        this.tableRows = tableRows;
    }

    /** The looked-up rows of {@code table} (tableRows x width). */
    INDArray gather(INDArray table) {
        INDArray out = Nd4j.createUninitialized(table.dataType(), rows.length(), table.size(1));
        Nd4j.exec(DynamicCustomOp.builder("gather").addInputs(table, rows).addIntegerArguments(0).addOutputs(out).build());
        return out;
    }

    /** The gradient of the table given the gradient of the looked-up rows. */
    INDArray scatterAdd(INDArray gradRows) {
        INDArray in = gradRows.isView() || gradRows.offset() != 0 || gradRows.ordering() != 'c' ? gradRows.dup('c') : gradRows;
        int width = (int) in.size(1);
        INDArray out = Nd4j.create(in.dataType(), tableRows, width);
        switch (in.dataType()) {
            case FLOAT -> addRows(in.data().asNioFloat(), out.data().asNioFloat(), width);
            case DOUBLE -> addRows(in.data().asNioDouble(), out.data().asNioDouble(), width);
            default -> throw new IllegalArgumentException("float or double gradients expected, got " + in.dataType());
        }
        return out;
    }

    private void addRows(FloatBuffer source, FloatBuffer target, int width) {
        for (int n = 0; n < rowIndices.length; n++) {
            for (int c = 0, from = n * width, to = rowIndices[n] * width; c < width; c++) {
                target.put(to + c, target.get(to + c) + source.get(from + c));
            }
        }
    }

    private void addRows(DoubleBuffer source, DoubleBuffer target, int width) {
        for (int n = 0; n < rowIndices.length; n++) {
            for (int c = 0, from = n * width, to = rowIndices[n] * width; c < width; c++) {
                target.put(to + c, target.get(to + c) + source.get(from + c));
            }
        }
    }
}
