package org.liifviewer.training.graph;

import org.liifviewer.core.model.LiifSpec;

/** Plans a batch's queries for one kind of model (see {@link QueryPlan#of} for the parameters' meaning). */
@FunctionalInterface
public interface QueryPlanner {

    /**
     * @param featH   rows of the model input (the LR side)
     * @param featW   columns of the model input
     * @param coord   (y, x) per query, {@code batch * queries * 2} values
     * @param cell    (cell_y, cell_x) per query, same layout
     */
    QueryPlan plan(int featH, int featW, int batch, int queries, float[] coord, float[] cell);

    /** LIIF's planner for {@code spec}. */
    static QueryPlanner liif(LiifSpec spec) {
        return (h, w, batch, queries, coord, cell) -> QueryPlan.of(spec, h, w, batch, queries, coord, cell);
    }
}
