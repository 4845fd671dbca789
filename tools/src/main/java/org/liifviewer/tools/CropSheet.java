package org.liifviewer.tools;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.liifviewer.core.image.FloatImage;

/**
 * A grid of equally sized crops, one row per scale, each panel enlarged by pixel repetition so that single pixels
 * stay visible, with a caption above every panel: the side-by-side figures of a model card.
 */
final class CropSheet {

    private static final int CAPTION = 22;
    private static final int GAP = 6;

    private final int panelSide;
    private final int enlarge;
    private final List<List<Panel>> rows = new ArrayList<>();

    /** One captioned crop. */
    record Panel(String caption, FloatImage crop) {
    }

    /**
     * @param panelSide side of every crop in pixels
     * @param enlarge   each crop pixel becomes {@code enlarge x enlarge} sheet pixels
     */
    CropSheet(int panelSide, int enlarge) {
        this.panelSide = panelSide;
        this.enlarge = enlarge;
    }

    /** Adds a row of crops, each {@code panelSide} square. */
    void addRow(List<Panel> panels) {
        for (Panel p : panels) {
            if (p.crop().width() != panelSide || p.crop().height() != panelSide) {
                throw new IllegalArgumentException(p.caption() + ": a " + p.crop().width() + "x"
                        + p.crop().height() + " crop on a sheet of " + panelSide + "-pixel panels");
            }
        }
        rows.add(List.copyOf(panels));
    }

    /** The sheet as an RGB picture, white between the panels. */
    BufferedImage draw() {
        int side = panelSide * enlarge;
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        BufferedImage sheet = new BufferedImage(Math.max(1, columns * (side + GAP) + GAP),
                Math.max(1, rows.size() * (side + CAPTION + GAP) + GAP), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.setColor(Color.BLACK);
        for (int r = 0; r < rows.size(); r++) {
            int top = GAP + r * (side + CAPTION + GAP);
            for (int c = 0; c < rows.get(r).size(); c++) {
                int left = GAP + c * (side + GAP);
                Panel panel = rows.get(r).get(c);
                g.drawString(panel.caption(), left, top + CAPTION - 6);
                paint(sheet, panel.crop(), left, top + CAPTION, enlarge);
            }
        }
        g.dispose();
        return sheet;
    }

    private static void paint(BufferedImage sheet, FloatImage crop, int left, int top, int enlarge) {
        for (int y = 0; y < crop.height(); y++) {
            for (int x = 0; x < crop.width(); x++) {
                int rgb = level(crop, 0, y, x) << 16 | level(crop, 1, y, x) << 8 | level(crop, 2, y, x);
                for (int dy = 0; dy < enlarge; dy++) {
                    for (int dx = 0; dx < enlarge; dx++) {
                        sheet.setRGB(left + x * enlarge + dx, top + y * enlarge + dy, rgb);
                    }
                }
            }
        }
    }

    private static int level(FloatImage image, int channel, int y, int x) {
        float v = image.get(Math.min(channel, image.channels() - 1), y, x);
        return Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
    }
}
