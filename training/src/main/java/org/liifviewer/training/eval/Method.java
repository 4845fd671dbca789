package org.liifviewer.training.eval;

/** The upscalers an evaluation compares. */
public enum Method {

    /** MATLAB {@code imresize} bicubic upscaling of the LR (the literature's bicubic baseline), 8-bit output. */
    BICUBIC("bicubic", "Bicubic (MATLAB imresize)"),
    /** The LIIF model's rendering on the HR crop's make_coord grid, cell 2/size, clamped, not quantised. */
    MODEL("model", "LIIF model"),
    /** A LIIF-GAN model rendered at the realism {@code --realism} asks for ({@link #MODEL} is then realism 1). */
    MODEL_AT_REALISM("model-realism", "LIIF-GAN at --realism");

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
