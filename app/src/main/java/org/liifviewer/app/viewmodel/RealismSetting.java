package org.liifviewer.app.viewmodel;

import java.util.prefs.Preferences;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The realism α with which LIIF-GAN models render ({@code decoder 1 + α · decoder 2}, α in [0, 1]; 0 is plain LIIF's
 * smooth mean, 1 the model's full texture), remembered between sessions in a preferences node.
 */
public final class RealismSetting {

    private static final String KEY = "realism";

    private final DoubleProperty value = new SimpleDoubleProperty(this, "realism");

    public RealismSetting(Preferences node) {
        value.set(clamp(node.getDouble(KEY, 1.0)));
        value.addListener((o, a, b) -> node.putDouble(KEY, clamp(b.doubleValue())));
    }

    /** The realism, in [0, 1]. */
    public DoubleProperty valueProperty() {
        return value;
    }

    /** The realism as the renderer takes it. */
    public float get() {
        return (float) clamp(value.get());
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 1.0 : Math.max(0.0, Math.min(1.0, v));
    }
}
