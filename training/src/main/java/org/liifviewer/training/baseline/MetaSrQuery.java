package org.liifviewer.training.baseline;

import org.liifviewer.training.graph.QueryPlan;

/**
 * The weight-independent part of one MetaSR query, in float32 as the official {@code MetaSR.query_rgb}: the output
 * pixel's top-left corner {@code coord - cell/2}, nudged by 1e-6 and clamped, picks the feature pixel (nearest
 * lookup); the MLP input is the corner's offset from that pixel's top-left corner in feature pixels (about [0, 1))
 * and {@code cell_y · H/2} (= 1/scale).
 *
 * @param iy      feature row
 * @param ix      feature column
 * @param offsetY MLP input 0
 * @param offsetX MLP input 1
 * @param inverseScale MLP input 2
 */
public record MetaSrQuery(int iy, int ix, float offsetY, float offsetX, float inverseScale) {

    private static final float EPS = 1e-6f;
    private static final float LOW = (float) (-1 + 1e-6);
    private static final float HIGH = (float) (1 - 1e-6);

    /** The query at (y, x) with cell (cellY, cellX) on an H x W feature map. */
    public static MetaSrQuery of(float y, float x, float cellY, float cellX, int featH, int featW) {
        float cornerY = y - cellY / 2f;
        float cornerX = x - cellX / 2f;
        int iy = QueryPlan.nearest(Math.min(Math.max(cornerY + EPS, LOW), HIGH), featH);
        int ix = QueryPlan.nearest(Math.min(Math.max(cornerX + EPS, LOW), HIGH), featW);
        float halfH = featH / 2f;
        float halfW = featW / 2f;
        float offsetY = (cornerY - (QueryPlan.centre(iy, featH) - (float) (1.0 / featH))) * halfH;
        float offsetX = (cornerX - (QueryPlan.centre(ix, featW) - (float) (1.0 / featW))) * halfW;
        return new MetaSrQuery(iy, ix, offsetY, offsetX, cellY * halfH);
    }
}
