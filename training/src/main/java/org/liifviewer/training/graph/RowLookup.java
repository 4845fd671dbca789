package org.liifviewer.training.graph;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Row lookup {@code out[n] = table[rows[n]]} and its exact adjoint, the scatter-add
 * {@code grad_table[r] = sum over n with rows[n] = r of grad_out[n]}. SameDiff 1.0.0-M2.1's own gather gradient
 * assigns instead of adding when rows repeat, which they always do in LIIF, so the lookup runs outside the graph.
 */
final class RowLookup {

    private final INDArray rows;
    private final long tableRows;

    RowLookup(int[] rows, long tableRows) {
        this.rows = Nd4j.createFromArray(rows);
        this.tableRows = tableRows;
    }

    /** The looked-up rows of {@code table} (tableRows x width). */
    INDArray gather(INDArray table) {
        INDArray out = Nd4j.create(table.dataType(), rows.length(), table.size(1));
        Nd4j.exec(DynamicCustomOp.builder("gather").addInputs(table, rows).addIntegerArguments(0).addOutputs(out).build());
        return out;
    }

    /** The gradient of the table given the gradient of the looked-up rows. */
    INDArray scatterAdd(INDArray gradRows) {
        INDArray out = Nd4j.create(gradRows.dataType(), tableRows, gradRows.size(1));
        Nd4j.exec(DynamicCustomOp.builder("unsorted_segment_sum").addInputs(gradRows, rows)
                .addIntegerArguments(tableRows).addOutputs(out).build());
        return out;
    }
}
