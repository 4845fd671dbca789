package org.liifviewer.training.eval;

/** The two upscalers an evaluation compares. */
public enum Method {

    /** MATLAB {@code imresize} bicubic upscaling of the LR (the literature's bicubic baseline), 8-bit output. */
    BICUBIC("bicubic", "Bicubic (MATLAB imresize)"),
    /** The LIIF model's rendering on the HR crop's make_coord grid, cell 2/size, clamped, not quantised. */
    MODEL("model", "LIIF model");

    private final String label;
    private final String title;

    Method(String label, String title) {
        this.label = label;
        this.title = title;
    }

    /** Short name: the JSON key and the CSV value. */
    public String label() {
        return label;
    }

    /** Row title in tables and the plot legend. */
    public String title() {
        return title;
    }
}
