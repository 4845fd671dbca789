package org.liifviewer.training.graph;

import org.liifviewer.core.model.LiifSpec;

/**
 * Everything of a LIIF query that does not depend on the weights, computed in float32 exactly as the official
 * {@code LIIF.query_rgb}: for every query and ensemble member, the row of the latent-code table to look up
 * ({@code (b * H + iy) * W + ix}), the MLP's relative inputs (rel_y, rel_x scaled by the feature size, then
 * optionally the cell scaled likewise) and the final area weight (diagonal swap applied).
 * Entries are ordered {@code n = (b * queries + q) * members + k}.
 *
 * @param batch      number of images
 * @param queries    queries per image
 * @param members    ensemble members per query (4 with local ensemble, else 1)
 * @param rows       looked-up table row per entry
 * @param relative   {@code relativeWidth} values per entry
 * @param weights    blending weight per entry
 */
public record QueryPlan(int batch, int queries, int members, int[] rows, float[] relative, float[] weights) {

    private static final double EPS_SHIFT = 1e-6;
    private static final float LOW = (float) (-1 + 1e-6);
    private static final float HIGH = (float) (1 - 1e-6);
    private static final float AREA_EPS = 1e-9f;

    /** Relative inputs per entry: 2 (coordinate) or 4 (coordinate and cell). */
    public int relativeWidth() {
        return relative.length / rows.length;
    }

    /** Number of entries (batch x queries x members). */
    public int size() {
        return rows.length;
    }

    /**
     * Plans the queries of a batch.
     *
     * @param spec    model flags (local ensemble, cell decoding)
     * @param featH   feature-map rows
     * @param featW   feature-map columns
     * @param batch   images
     * @param queries queries per image
     * @param coord   (y, x) per query, {@code batch * queries * 2} values in [-1, 1] (outside is clamped)
     * @param cell    (cell_y, cell_x) per query in the same layout; ignored without cell decoding
     */
    public static QueryPlan of(LiifSpec spec, int featH, int featW, int batch, int queries, float[] coord, float[] cell) {
        int members = spec.localEnsemble() ? 4 : 1;
        int width = spec.cellDecode() ? 4 : 2;
        int n = batch * queries * members;
        int[] rows = new int[n];
        float[] relative = new float[n * width];
        float[] weights = new float[n];
        float[] area = new float[members];
        for (int bq = 0; bq < batch * queries; bq++) {
            float y = coord[2 * bq];
            float x = coord[2 * bq + 1];
            for (int k = 0; k < members; k++) {
                int e = bq * members + k;
                int iy = nearest(shifted(y, spec.localEnsemble() ? (k < 2 ? -1 : 1) : 0, featH), featH);
                int ix = nearest(shifted(x, spec.localEnsemble() ? (k % 2 == 0 ? -1 : 1) : 0, featW), featW);
                rows[e] = ((bq / queries) * featH + iy) * featW + ix;
                float relY = (y - centre(iy, featH)) * (float) featH;
                float relX = (x - centre(ix, featW)) * (float) featW;
                relative[e * width] = relY;
                relative[e * width + 1] = relX;
                if (width == 4) {
                    relative[e * width + 2] = cell[2 * bq] * (float) featH;
                    relative[e * width + 3] = cell[2 * bq + 1] * (float) featW;
                }
                area[k] = Math.abs(relY * relX) + AREA_EPS;
            }
            float total = 0f;
            for (int k = 0; k < members; k++) {
                total += area[k];
            }
            for (int k = 0; k < members; k++) {
                weights[bq * members + k] = area[members - 1 - k] / total;
            }
        }
        return new QueryPlan(batch, queries, members, rows, relative, weights);
    }

    /** The ensemble shift of one axis: {@code v * (1/n) + 1e-6} rounded to float32 (0 without ensemble), clamped. */
    private static float shifted(float c, int v, int n) {
        float s = v == 0 ? c : c + (float) (v * (1.0 / n) + EPS_SHIFT);
        return Math.min(Math.max(s, LOW), HIGH);
    }

    /** grid_sample's nearest index: round-half-even((c + 1) * n/2 - 0.5) in float32. */
    public static int nearest(float c, int n) {
        int i = (int) Math.rint((c + 1f) * (n / 2f) - 0.5f);
        return Math.min(Math.max(i, 0), n - 1);
    }

    /** The official {@code make_coord}'s float32 centre of pixel {@code i} on a side of {@code n} pixels. */
    public static float centre(int i, int n) {
        double r = 1.0 / n;
        float a = (float) (2 * r);
        float b = (float) (-1 + r);
        return a * (float) i + b;
    }
}
