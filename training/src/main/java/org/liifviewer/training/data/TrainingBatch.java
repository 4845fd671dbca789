package org.liifviewer.training.data;

import org.liifviewer.training.graph.QueryPlan;

/**
 * A batch ready for the graph, values normalised to (x - 0.5) / 0.5.
 *
 * @param index  batch number in the stream (batch i holds samples i*B .. i*B+B-1)
 * @param side   LR side (inp)
 * @param input  LR inputs, B x 3 x inp x inp
 * @param plan   the planned queries
 * @param target HR RGB at the queries, B x Q x 3
 */
public record TrainingBatch(long index, int side, float[] input, QueryPlan plan, float[] target) {
}
