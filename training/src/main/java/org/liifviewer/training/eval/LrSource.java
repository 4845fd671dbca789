package org.liifviewer.training.eval;

/** Where the low-resolution input of one evaluation pair came from. */
public enum LrSource {

    /** A provided {@code LR_bicubic} file (MATLAB bicubic), HR cropped top-left to LR size × scale. */
    FILE("file", "LR_bicubic file"),
    /** Generated as {@code sr-implicit-downsampled}: Pillow bicubic {@code resize_fn} of the cropped HR. */
    GENERATED("generated", "generated (Pillow bicubic resize_fn of the HR crop)"),
    /** The whole image resized (protocol whole-image): input and ground truth are Pillow-bicubic resizes of it. */
    RESIZED("resized", "resized (Pillow bicubic of the whole image to L x L; ground truth resized to L*scale)");

    private final String label;
    private final String description;

    LrSource(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** Short name for CSV columns. */
    public String label() {
        return label;
    }

    /** What it means, in words. */
    public String description() {
        return description;
    }
}
