package org.liifviewer.app.viewmodel;

/**
 * What part of an image a view shows, and how large: an immutable snapshot. The view's top-left corner shows
 * image point ({@code originX}, {@code originY}) (input pixels, pixel i spanning [i, i + 1)) and one input
 * pixel covers {@code zoom} screen pixels.
 *
 * <p>LIIF renders on a virtual grid of {@link #gridW()} x {@link #gridH()} output pixels over the whole image,
 * so one output pixel is one screen pixel and its cell is {@code 1 / zoom} input pixels.
 */
public record Viewport(int imageW, int imageH, double viewW, double viewH, double zoom, double originX, double originY) {

    /** Largest zoom (screen pixels per input pixel). */
    public static final double MAX_ZOOM = 128;

    /** Screen pixels of the image that panning and zooming always leave in the view. */
    public static final double KEEP_VISIBLE = 64;

    /** The image fitted to a view of the given size, centred. */
    public static Viewport fit(int imageW, int imageH, double viewW, double viewH) {
        double z = Math.min(viewW / imageW, viewH / imageH);
        return new Viewport(imageW, imageH, viewW, viewH, z, (imageW - viewW / z) / 2, (imageH - viewH / z) / 2);
    }

    /** The zoom at which the whole image just fits the view. */
    public double fitZoom() {
        return Math.min(viewW / imageW, viewH / imageH);
    }

    /** Smallest zoom: half of fit (or of 100% for images smaller than the view). */
    public double minZoom() {
        return Math.min(fitZoom(), 1) / 2;
    }

    public double toImageX(double screenX) {
        return originX + screenX / zoom;
    }

    public double toImageY(double screenY) {
        return originY + screenY / zoom;
    }

    public double toScreenX(double imageX) {
        return (imageX - originX) * zoom;
    }

    public double toScreenY(double imageY) {
        return (imageY - originY) * zoom;
    }

    /** This viewport zoomed to {@code newZoom} (clamped to the limits) keeping the image point under the screen point fixed. */
    public Viewport zoomedAt(double newZoom, double screenX, double screenY) {
        double z = Math.max(minZoom(), Math.min(MAX_ZOOM, newZoom));
        double ix = toImageX(screenX);
        double iy = toImageY(screenY);
        return new Viewport(imageW, imageH, viewW, viewH, z, ix - screenX / z, iy - screenY / z).clamped();
    }

    /** Zoomed about the view's centre. */
    public Viewport zoomedAtCentre(double newZoom) {
        return zoomedAt(newZoom, viewW / 2, viewH / 2);
    }

    /** Moved by a drag of ({@code dx}, {@code dy}) screen pixels: the image follows the pointer. */
    public Viewport pannedBy(double dx, double dy) {
        return new Viewport(imageW, imageH, viewW, viewH, zoom, originX - dx / zoom, originY - dy / zoom).clamped();
    }

    /** Centred on image point ({@code ix}, {@code iy}). */
    public Viewport centredOn(double ix, double iy) {
        return new Viewport(imageW, imageH, viewW, viewH, zoom, ix - viewW / zoom / 2, iy - viewH / zoom / 2).clamped();
    }

    /** The same image point at the view's centre, for a view of a new size. */
    public Viewport resized(double newW, double newH) {
        double cx = toImageX(viewW / 2);
        double cy = toImageY(viewH / 2);
        return new Viewport(imageW, imageH, newW, newH, zoom, cx - newW / zoom / 2, cy - newH / zoom / 2).clamped();
    }

    /**
     * Keeps the image in sight: at least {@link #KEEP_VISIBLE} screen pixels of it (or all of it, if smaller)
     * stay in the view. Zooming about a point of the image therefore never needs to move that point.
     */
    private Viewport clamped() {
        return new Viewport(imageW, imageH, viewW, viewH, zoom,
                clampAxis(originX, imageW, viewW / zoom, KEEP_VISIBLE / zoom),
                clampAxis(originY, imageH, viewH / zoom, KEEP_VISIBLE / zoom));
    }

    private static double clampAxis(double origin, int imageSize, double visible, double keep) {
        double k = Math.min(keep, Math.min(imageSize, visible));
        return Math.max(k - visible, Math.min(imageSize - k, origin));
    }

    /** Columns of the virtual LIIF output grid: {@code round(imageW * zoom)}. */
    public long gridW() {
        return Math.max(1, Math.round(imageW * zoom));
    }

    /** Rows of the virtual LIIF output grid: {@code round(imageH * zoom)}. */
    public long gridH() {
        return Math.max(1, Math.round(imageH * zoom));
    }

    /** Screen x of the left edge of grid column {@code g} of a grid {@code gridW} columns wide. */
    public double gridToScreenX(long g, long gridW) {
        return toScreenX((double) g * imageW / gridW);
    }

    /** Screen y of the top edge of grid row {@code g} of a grid {@code gridH} rows high. */
    public double gridToScreenY(long g, long gridH) {
        return toScreenY((double) g * imageH / gridH);
    }

    /** The grid columns {@code [from, to)} of a {@code gridW}-column grid that are (partly) visible. */
    public long[] visibleColumns(long gridW) {
        return visible(originX, viewW / zoom, imageW, gridW);
    }

    /** The grid rows {@code [from, to)} of a {@code gridH}-row grid that are (partly) visible. */
    public long[] visibleRows(long gridH) {
        return visible(originY, viewH / zoom, imageH, gridH);
    }

    private static long[] visible(double origin, double visible, int imageSize, long grid) {
        double scale = (double) grid / imageSize;
        long from = Math.max(0, (long) Math.floor(origin * scale));
        long to = Math.min(grid, (long) Math.ceil((origin + visible) * scale));
        return new long[] {from, Math.max(from, to)};
    }
}
