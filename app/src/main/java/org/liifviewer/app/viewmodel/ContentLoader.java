package org.liifviewer.app.viewmodel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.liifviewer.core.image.DecodedImage;
import org.liifviewer.core.image.FloatImage;
import org.liifviewer.core.image.ImageFiles;
import org.liifviewer.core.render.LiifModel;
import org.liifviewer.core.render.ShippedModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens images and loads models on the background executor and holds what is open: the document and the model
 * change on the UI thread, and a failure shows on the {@link StatusLine}. The sample image and the default model
 * are read from the class path as streams.
 *
 * @param <T> the display image type of the document's mipmap levels
 */
public final class ContentLoader<T> {

    /** File name of the built-in sample image. */
    public static final String SAMPLE_NAME = "chelsea.png";
    /** Class-path location of the sample image. */
    public static final String SAMPLE_IMAGE = "/liif/samples/" + SAMPLE_NAME;

    private static final int SMALLEST_MIPMAP = 64;
    private static final Logger LOG = LoggerFactory.getLogger(ContentLoader.class);

    private final Function<FloatImage, T> converter;
    private final Executor uiExecutor;
    private final Executor background;
    private final RecentFiles recentFiles;
    private final StatusLine status;
    private final ReadOnlyObjectWrapper<Document<T>> document = new ReadOnlyObjectWrapper<>(this, "document");
    private final ReadOnlyObjectWrapper<LiifModel> model = new ReadOnlyObjectWrapper<>(this, "model");

    ContentLoader(Function<FloatImage, T> converter, Executor uiExecutor, Executor background, RecentFiles recentFiles,
                  StatusLine status) {
        this.converter = converter;
        this.uiExecutor = uiExecutor;
        this.background = background;
        this.recentFiles = recentFiles;
        this.status = status;
    }

    /** Opens an image file. */
    public CompletableFuture<Void> open(Path file) {
        return openImage(() -> ImageFiles.read(file), file.getFileName().toString(), file);
    }

    /** Opens the built-in sample image. */
    public CompletableFuture<Void> openSample() {
        return openImage(() -> {
            try (InputStream in = resource(SAMPLE_IMAGE)) {
                return ImageFiles.read(in, SAMPLE_NAME);
            }
        }, SAMPLE_NAME + " (sample)", null);
    }

    /** Loads a model file (our .safetensors or an official .pth). */
    public CompletableFuture<Void> loadModel(Path file) {
        return loadModel(() -> LiifModel.load(file), file.getFileName().toString());
    }

    /** Loads the default shipped model ({@link ShippedModels}), when there is one; else shows the "no model" notice. */
    public CompletableFuture<Void> loadDefaultModel() {
        return ShippedModels.defaultName().map(this::loadShippedModel)
                .orElseGet(() -> CompletableFuture.runAsync(status::noModel, uiExecutor));
    }

    /** Loads a model embedded in the application, by name. */
    public CompletableFuture<Void> loadShippedModel(String name) {
        return loadModel(() -> ShippedModels.load(name), name);
    }

    private CompletableFuture<Void> openImage(Task<DecodedImage> reader, String name, Path file) {
        return inBackground(() -> {
            DecodedImage decoded = reader.run();
            List<T> levels = Mipmaps.build(decoded.rgb(), SMALLEST_MIPMAP).stream().map(converter).toList();
            return new Document<>(name, file, decoded, levels);
        }, doc -> {
            LOG.info("opened {}: {}x{} {}", name, doc.width(), doc.height(), doc.decoded().formatName());
            document.set(doc);
            if (file != null) {
                recentFiles.add(file);
            }
            status.documentOpened(model.get() != null);
        }, "Cannot open " + name + ": ");
    }

    private CompletableFuture<Void> loadModel(Task<LiifModel> loader, String name) {
        return inBackground(() -> {
            LiifModel loaded = loader.run();
            loaded.warmUp();                             // the first view then renders at full speed
            return loaded;
        }, m -> {
            LOG.info("loaded model {}: {}", name, m.spec().describe());
            model.set(m);
            status.modelLoaded(name);
        }, "Cannot load model " + name + ": ");
    }

    /** Runs {@code task} on the background executor, then {@code show} on the UI thread; a failure shows its cause. */
    private <R> CompletableFuture<Void> inBackground(Task<R> task, Consumer<R> show, String failure) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return task.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, background).thenAcceptAsync(show, uiExecutor).exceptionallyAsync(e -> {
            status.showMessage(failure + rootMessage(e));
            LOG.warn(failure + rootMessage(e), e);
            return null;
        }, uiExecutor);
    }

    private interface Task<R> {
        R run() throws IOException;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = ContentLoader.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("the application lacks its resource " + name);
        }
        return in;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t instanceof CompletionException || t instanceof UncheckedIOException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** The open image, null before the first. */
    public ReadOnlyObjectProperty<Document<T>> documentProperty() {
        return document.getReadOnlyProperty();
    }

    /** The loaded model, null while none is (the views then show bicubic). */
    public ReadOnlyObjectProperty<LiifModel> modelProperty() {
        return model.getReadOnlyProperty();
    }
}
