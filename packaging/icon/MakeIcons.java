import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the LIIF Viewer icon (coarse pixels on the left, a lens showing the same picture smooth) and writes it as
 * {@code liif-viewer.png} (Linux), {@code .ico} (Windows) and {@code .icns} (macOS) into the directory given.
 * Run by the packaging build as a single-file program: {@code java MakeIcons.java OUT_DIR}.
 */
public final class MakeIcons {

    public static void main(String[] args) throws IOException {
        Path out = Files.createDirectories(Path.of(args[0]));
        Files.write(out.resolve("liif-viewer.png"), png(256));
        Files.write(out.resolve("liif-viewer.ico"), ico(16, 32, 48, 256));
        // icns entry types by size: ic07 128, ic08 256, ic09 512, ic10 1024 (512 @2x)
        Map<String, Integer> icns = new LinkedHashMap<>();
        icns.put("ic07", 128);
        icns.put("ic08", 256);
        icns.put("ic09", 512);
        icns.put("ic10", 1024);
        Files.write(out.resolve("liif-viewer.icns"), icns(icns));
    }

    /** The icon drawn on a 256-unit canvas scaled to {@code size} pixels. */
    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);

        Shape tile = new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56);
        g.setPaint(new GradientPaint(0, 8, new Color(0x1E3A8A), 0, 248, new Color(0x0F766E)));
        g.fill(tile);

        // the picture: a warm disc on the tile; outside the lens it is shown as 24-unit pixels
        g.setClip(tile);
        for (int y = 8; y < 248; y += 24) {
            for (int x = 8; x < 248; x += 24) {
                g.setColor(picture(x + 12, y + 12, 0xD0));
                g.fillRect(x, y, 24, 24);
            }
        }
        // inside the lens the same picture is continuous (what LIIF does at any scale)
        Shape lens = new Ellipse2D.Double(70, 50, 136, 136);
        g.setClip(lens);
        for (int y = 50; y < 186; y++) {
            for (int x = 70; x < 206; x++) {
                g.setColor(picture(x + 0.5, y + 0.5, 0xFF));
                g.fillRect(x, y, 1, 1);
            }
        }
        g.setClip(null);

        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(12, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(lens);
        g.setStroke(new BasicStroke(22, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(88, 168, 44, 212));
        g.dispose();
        return img;
    }

    /** A soft orange disc on a dark background, sampled at (x, y) with the given alpha. */
    private static Color picture(double x, double y, int alpha) {
        double d = Math.hypot(x - 138, y - 118) / 75;
        double t = Math.max(0, Math.min(1, 1.5 - d));
        int r = (int) (0x1E + t * (0xFB - 0x1E));
        int gr = (int) (0x29 + t * (0xBF - 0x29));
        int b = (int) (0x3B + t * (0x24 - 0x3B));
        return new Color(r, gr, b, alpha);
    }

    static byte[] png(int size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(draw(size), "png", bytes);
        return bytes.toByteArray();
    }

    /** A Windows icon with one PNG-compressed image per size (supported since Windows Vista). */
    static byte[] ico(int... sizes) throws IOException {
        byte[][] images = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            images[i] = png(sizes[i]);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeLe16(bytes, 0);
        writeLe16(bytes, 1); // type: icon
        writeLe16(bytes, sizes.length);
        int offset = 6 + 16 * sizes.length;
        for (int i = 0; i < sizes.length; i++) {
            bytes.write(sizes[i] >= 256 ? 0 : sizes[i]); // 0 means 256
            bytes.write(sizes[i] >= 256 ? 0 : sizes[i]);
            bytes.write(0); // no palette
            bytes.write(0);
            writeLe16(bytes, 1); // colour planes
            writeLe16(bytes, 32); // bits per pixel
            writeLe32(bytes, images[i].length);
            writeLe32(bytes, offset);
            offset += images[i].length;
        }
        for (byte[] image : images) {
            bytes.write(image);
        }
        return bytes.toByteArray();
    }

    /** A macOS icon: 'icns', total length, then (type, length including its 8-byte header, PNG) per entry. */
    static byte[] icns(Map<String, Integer> sizesByType) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream entries = new DataOutputStream(body);
        for (Map.Entry<String, Integer> e : sizesByType.entrySet()) {
            byte[] image = png(e.getValue());
            entries.writeBytes(e.getKey());
            entries.writeInt(image.length + 8);
            entries.write(image);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream file = new DataOutputStream(bytes);
        file.writeBytes("icns");
        file.writeInt(body.size() + 8);
        body.writeTo(file);
        return bytes.toByteArray();
    }

    private static void writeLe16(OutputStream out, int v) throws IOException {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
    }

    private static void writeLe32(OutputStream out, int v) throws IOException {
        writeLe16(out, v & 0xFFFF);
        writeLe16(out, v >>> 16);
    }
}
