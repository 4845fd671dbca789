package org.liifviewer.training.baseline;

import org.liifviewer.training.graph.QueryPlan;
import org.liifviewer.training.graph.QueryPlanner;

import java.util.Arrays;

/** Query planners of the baselines: one table row and weight 1 per query. */
final class BaselinePlans {

    private BaselinePlans() {
    }

    /** MetaSR: the row of the query's unfolded feature, relative inputs (offset y, offset x, 1/scale). */
    static QueryPlan metaSr(int featH, int featW, int batch, int queries, float[] coord, float[] cell) {
        int n = batch * queries;
        int[] rows = new int[n];
        float[] relative = new float[3 * n];
        for (int bq = 0; bq < n; bq++) {
            MetaSrQuery q = MetaSrQuery.of(coord[2 * bq], coord[2 * bq + 1], cell[2 * bq], cell[2 * bq + 1], featH, featW);
            rows[bq] = ((bq / queries) * featH + q.iy()) * featW + q.ix();
            relative[3 * bq] = q.offsetY();
            relative[3 * bq + 1] = q.offsetX();
            relative[3 * bq + 2] = q.inverseScale();
        }
        return new QueryPlan(batch, queries, 1, rows, relative, ones(n));
    }

    /**
     * The up-sampler: the output pixel (of the input size times {@code scale}) nearest to each query, so that the
     * queries of all HR pixels give the full-image loss.
     */
    static QueryPlanner upsampler(int scale) {
        return (featH, featW, batch, queries, coord, cell) -> {
            int outH = featH * scale;
            int outW = featW * scale;
            int n = batch * queries;
            int[] rows = new int[n];
            for (int bq = 0; bq < n; bq++) {
                int iy = QueryPlan.nearest(coord[2 * bq], outH);
                int ix = QueryPlan.nearest(coord[2 * bq + 1], outW);
                rows[bq] = ((bq / queries) * outH + iy) * outW + ix;
            }
            return new QueryPlan(batch, queries, 1, rows, new float[0], ones(n));
        };
    }

    private static float[] ones(int n) {
        float[] w = new float[n];
        Arrays.fill(w, 1f);
        return w;
    }
}
