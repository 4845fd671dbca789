package org.liifviewer.app.viewmodel;

import java.util.Locale;
import java.util.OptionalDouble;

/** Zoom levels typed by the user: {@code "400%"}, {@code "400"}, {@code "x4"} or {@code "4x"} all mean 4. */
final class ZoomText {

    private ZoomText() {
    }

    /** The zoom (1 = 100%) that {@code text} names, or empty when it is not a positive finite number. */
    static OptionalDouble parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace(',', '.');
        double zoom;
        try {
            if (t.startsWith("x") || t.startsWith("×")) {
                zoom = Double.parseDouble(t.substring(1).trim());
            } else if (t.endsWith("x") || t.endsWith("×")) {
                zoom = Double.parseDouble(t.substring(0, t.length() - 1).trim());
            } else {
                zoom = Double.parseDouble(t.replace("%", "").trim()) / 100;
            }
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
        return zoom > 0 && !Double.isInfinite(zoom) ? OptionalDouble.of(zoom) : OptionalDouble.empty();
    }
}
