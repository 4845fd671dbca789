package org.liifviewer.training.data;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Small seeded RGB PNG files for tests: smooth gradients plus noise, so that resizes and crops differ. */
public final class GeneratedImages {

    private GeneratedImages() {
    }

    /** Writes {@code dir/name} as a {@code width x height} PNG drawn from {@code seed}; returns the file. */
    public static Path png(Path dir, String name, int width, int height, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 255 / Math.max(1, width - 1) + random.nextInt(32)) & 0xFF;
                int g = (y * 255 / Math.max(1, height - 1) + random.nextInt(32)) & 0xFF;
                int b = random.nextInt(256);
                img.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        ImageIO.write(img, "png", file.toFile());
        return file;
    }
}
