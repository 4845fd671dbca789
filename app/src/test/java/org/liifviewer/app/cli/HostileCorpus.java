package org.liifviewer.app.cli;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.liifviewer.core.model.EncoderSpec;
import org.liifviewer.core.model.LiifModelFile;
import org.liifviewer.core.model.LiifSpec;
import org.liifviewer.core.model.Tensor;
import org.liifviewer.core.model.TensorLayout;
import org.liifviewer.core.model.Weights;
import org.liifviewer.core.model.io.ModelFiles;

/**
 * Generates hostile inputs for the command line, each with the command that must refuse it and the path the
 * refusal must name: truncated and forged images, files that are not regular files or cannot be read, damaged
 * models, and outputs that cannot be written or would be absurdly large. Everything is generated from fixed seeds.
 * Cases that the platform cannot produce (a named pipe without {@code mkfifo}, an unreadable file for root) are
 * left out.
 *
 * @param cases the generated cases, in a fixed order
 */
record HostileCorpus(List<Case> cases) {

    /**
     * One hostile input.
     *
     * @param name what it is, for the test's display name
     * @param file the path the error line must name, as typed
     * @param args the command line
     */
    record Case(String name, Path file, List<String> args) {
    }

    private static final int WIDTH = 48;
    private static final int HEIGHT = 32;
    private static final int HUGE = 20_000;

    /** Generates the corpus in {@code dir}; every command writes (if anything) into {@code out}, an empty folder. */
    static HostileCorpus generate(Path dir, Path out) throws IOException, InterruptedException {
        Random random = new Random(30);
        Path good = dir.resolve("good.png");
        ImageIO.write(randomImage(random, BufferedImage.TYPE_INT_RGB), "png", good.toFile());
        Path goodModel = dir.resolve("good.safetensors");
        ModelFiles.save(model(spec(8), random, w -> { }), goodModel);
        String output = out.resolve("o.png").toString();
        List<Case> cases = new ArrayList<>();
        Consumer<Path> image = file -> cases.add(new Case("image " + file.getFileName(), file,
                List.of("bicubic", "--scale", "2", file.toString(), output)));
        Consumer<Path> model = file -> {
            cases.add(new Case("info " + file.getFileName(), file, List.of("info", "--model", file.toString())));
            cases.add(new Case("upscale " + file.getFileName(), file,
                    List.of("upscale", "--model", file.toString(), "--scale", "2", good.toString(), output)));
        };

        for (String format : List.of("png", "jpeg", "tiff", "gif", "bmp")) {
            byte[] bytes = encode(randomImage(random, format.equals("gif")
                    ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_INT_RGB), format);
            int n = bytes.length;
            for (int length : new int[] {8, 16, 33, 60, n / 4, n / 2, 3 * n / 4}) {
                image.accept(Files.write(dir.resolve("cut-" + length + "." + format), Arrays.copyOf(bytes, length)));
            }
            if (format.equals("gif")) {
                image.accept(Files.write(dir.resolve("claims-huge.gif"), gifClaiming(bytes, HUGE, HUGE)));
                image.accept(Files.write(dir.resolve("claims-taller.gif"), gifClaiming(bytes, WIDTH, 10 * HEIGHT)));
            } else if (format.equals("png")) {
                image.accept(Files.write(dir.resolve("claims-huge.png"), pngClaiming(bytes, HUGE, HUGE)));
            } else if (format.equals("jpeg")) {
                image.accept(Files.write(dir.resolve("claims-huge.jpeg"), jpegClaiming(bytes, HUGE, HUGE)));
            } else if (format.equals("bmp")) {
                image.accept(Files.write(dir.resolve("claims-huge.bmp"), bmpClaiming(bytes, HUGE, HUGE)));
            }
        }
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        image.accept(Files.write(dir.resolve("noise.png"), noise));
        for (String kind : List.of("image", "model")) {
            Consumer<Path> command = kind.equals("image") ? image : model;
            command.accept(Files.write(dir.resolve("empty-" + kind), new byte[0]));
            command.accept(Files.createDirectory(dir.resolve("folder-" + kind)));
            command.accept(dir.resolve("missing-" + kind));
            command.accept(Files.createSymbolicLink(dir.resolve("dangling-" + kind), dir.resolve("gone")));
            Path fifo = dir.resolve("fifo-" + kind);
            if (mkfifo(fifo)) {
                command.accept(fifo);
            }
            Path unreadable = Files.copy(kind.equals("image") ? good : goodModel, dir.resolve("unreadable-" + kind));
            Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
            if (!Files.isReadable(unreadable)) {   // root reads anything
                command.accept(unreadable);
            }
        }

        model.accept(saved(dir.resolve("nan.safetensors"), model(spec(8), random, w -> w[3] = Float.NaN)));
        model.accept(saved(dir.resolve("inf.safetensors"), model(spec(8), random, w -> w[0] = Float.POSITIVE_INFINITY)));
        model.accept(saved(dir.resolve("zero-width.safetensors"), model(spec(0), random, w -> { })));
        byte[] modelBytes = Files.readAllBytes(goodModel);
        model.accept(Files.write(dir.resolve("cut.safetensors"), Arrays.copyOf(modelBytes, modelBytes.length / 2)));
        model.accept(checkpointClaiming(dir.resolve("absurd-storage.pth"), 1L << 62));
        model.accept(checkpointClaiming(dir.resolve("storage-beyond-the-file.pth"), 1_000_000_000L));

        Path nowhere = dir.resolve("no-such-folder").resolve("o.png");
        cases.add(new Case("output in a missing folder", nowhere, List.of("bicubic", "--scale", "2", good.toString(),
                nowhere.toString())));
        Path folder = Files.createDirectory(dir.resolve("output-folder.png"));
        cases.add(new Case("output is a folder", folder, List.of("bicubic", "--scale", "2", good.toString(),
                folder.toString())));
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!Files.isWritable(readOnly)) {   // root writes anywhere
            Path target = readOnly.resolve("o.png");
            cases.add(new Case("output in a read-only folder", target,
                    List.of("bicubic", "--scale", "2", good.toString(), target.toString())));
        }
        cases.add(new Case("a million pixels a side", out.resolve("o.png"),
                List.of("bicubic", "--size", "1000000x1000000", good.toString(), output)));
        return new HostileCorpus(List.copyOf(cases));
    }

    private static BufferedImage randomImage(Random random, int type) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, type);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                img.setRGB(x, y, random.nextInt());
            }
        }
        return img;
    }

    private static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(img, format, out)) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return out.toByteArray();
    }

    /** The GIF with its logical screen and first image declaring {@code w × h}; the data stays 48 × 32. */
    private static byte[] gifClaiming(byte[] gif, int w, int h) {
        byte[] b = gif.clone();
        int at = 13 + ((b[10] & 0x80) != 0 ? 3 << ((b[10] & 7) + 1) : 0);   // after the global colour table
        while (b[at] == 0x21) {                                               // extension blocks
            at += 2;
            while (b[at] != 0) {
                at += (b[at] & 0xff) + 1;
            }
            at++;
        }
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(6, (short) w).putShort(8, (short) h)
                .putShort(at + 5, (short) w).putShort(at + 7, (short) h);
        return b;
    }

    /** The PNG with its IHDR declaring {@code w × h}, with a correct checksum. */
    private static byte[] pngClaiming(byte[] png, int w, int h) {
        byte[] b = png.clone();
        ByteBuffer buf = ByteBuffer.wrap(b).putInt(16, w).putInt(20, h);
        CRC32 crc = new CRC32();
        crc.update(b, 12, 17);
        buf.putInt(29, (int) crc.getValue());
        return b;
    }

    /** The JPEG with its frame header (SOF0) declaring {@code w × h}. */
    private static byte[] jpegClaiming(byte[] jpeg, int w, int h) {
        byte[] b = jpeg.clone();
        for (int i = 2; i + 8 < b.length; i++) {
            if ((b[i] & 0xff) == 0xFF && (b[i + 1] & 0xff) == 0xC0) {
                ByteBuffer.wrap(b).putShort(i + 5, (short) h).putShort(i + 7, (short) w);
                return b;
            }
        }
        throw new IllegalStateException("no SOF0 marker");
    }

    /** The BMP with its info header declaring {@code w × h}. */
    private static byte[] bmpClaiming(byte[] bmp, int w, int h) {
        byte[] b = bmp.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(18, w).putInt(22, h);
        return b;
    }

    private static boolean mkfifo(Path path) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;   // no mkfifo on this platform
        }
    }

    private static LiifSpec spec(int hidden) {
        return new LiifSpec(new EncoderSpec.Edsr("edsr-baseline", 1, 4, 1f), new int[] {hidden}, 3, true, true, true);
    }

    /** Small random weights for {@code spec}, each tensor passed through {@code damage} first. */
    private static LiifModelFile model(LiifSpec spec, Random random, Consumer<float[]> damage) {
        Map<String, Tensor> weights = new LinkedHashMap<>();
        TensorLayout.expected(spec).forEach((name, shape) -> {
            float[] values = new float[(int) Tensor.numel(shape)];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextGaussian() * 0.1f;
            }
            if (values.length > 3) {
                damage.accept(values);
            }
            weights.put(name, new Tensor(shape, values));
        });
        return new LiifModelFile(spec, new Weights(weights), Map.of());
    }

    private static Path saved(Path file, LiifModelFile model) throws IOException {
        ModelFiles.save(model, file);
        return file;
    }

    /** A PyTorch zip checkpoint whose one tensor lives in a storage that claims {@code numel} values. */
    private static Path checkpointClaiming(Path file, long numel) throws IOException {
        Pickle p = new Pickle();
        p.op(0x80).op(2).op('}').op('(');                                  // PROTO 2, the root dict
        p.str("model").op('}').op('(').str("name").str("liif").str("args").op('}');
        p.str("sd").op('}').op('(').str("imnet.layers.0.weight");
        p.global("torch._utils", "_rebuild_tensor_v2").op('(');
        p.op('(').str("storage").global("torch", "FloatStorage").str("0").str("cpu").long8(numel).op('t').op('Q');
        p.op('K').op(0).op('(').op('K').op(2).op('t').op('(').op('K').op(1).op('t').op(0x89).op('}').op('t').op('R');
        p.op('u').op('u').op('u').op('.');
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry("archive/data.pkl"));
            zip.write(p.bytes());
            zip.putNextEntry(new ZipEntry("archive/data/0"));
            zip.write(new byte[8]);                               // two values, whatever the pickle claims
            zip.closeEntry();
        }
        return file;
    }

    /** The few pickle opcodes a hand-made checkpoint needs. */
    private static final class Pickle {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Pickle op(int opcode) {
            out.write(opcode);
            return this;
        }

        Pickle str(String s) {                                   // BINUNICODE
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.write('X');
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
            out.writeBytes(b);
            return this;
        }

        Pickle global(String module, String name) {              // GLOBAL
            out.write('c');
            out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        Pickle long8(long v) {                                   // LONG1 of 8 bytes
            out.write(0x8a);
            out.write(8);
            out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
