package org.liifviewer.app.view;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;
import org.liifviewer.app.viewmodel.CompareMode;
import org.liifviewer.app.viewmodel.ContentLoader;
import org.liifviewer.app.viewmodel.ExportViewModel;
import org.liifviewer.app.viewmodel.ViewerViewModel;
import org.liifviewer.app.viewmodel.Viewport;
import org.liifviewer.core.render.ShippedModels;

/**
 * The viewer window's content: menus and tool bar, the image view(s) for the compare mode, the navigator and
 * the status bar. Every action is delegated to the {@link ViewerViewModel}.
 */
public final class MainWindow extends BorderPane {

    private final ViewerViewModel<Image> vm;
    private final Stage stage;
    private final Executor uiExecutor;
    private final Executor background;
    private final StackPane viewArea = new StackPane();
    private final Node single;
    private final Node sideBySide;
    private final Node swipe;
    private final TextField zoomField = new TextField();
    private final Label notice = new Label();
    private final Menu recentMenu = new Menu("Open Recent");
    private boolean dark;

    public MainWindow(Stage stage, ViewerViewModel<Image> vm, Executor uiExecutor, Executor background) {
        this.stage = stage;
        this.vm = vm;
        this.uiExecutor = uiExecutor;
        this.background = background;
        getStyleClass().add("main-window");
        single = new ImageCanvas(vm, List.of(new ImageCanvas.Side(() -> null, vm.liifLayer())));
        single.setId("singleView");
        ImageCanvas left = new ImageCanvas(vm, List.of(new ImageCanvas.Side(vm::referenceLabel, vm.bicubicLayer())));
        ImageCanvas right = new ImageCanvas(vm, List.of(new ImageCanvas.Side(vm::renderedLabel, vm.liifLayer())));
        left.setId("compareLeft");
        right.setId("compareRight");
        HBox pair = new HBox(2, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.prefWidthProperty().bind(pair.widthProperty().divide(2));
        right.prefWidthProperty().bind(pair.widthProperty().divide(2));
        sideBySide = pair;
        swipe = new ImageCanvas(vm, List.of(new ImageCanvas.Side(vm::referenceLabel, vm.bicubicLayer()),
                new ImageCanvas.Side(vm::renderedLabel, vm.liifLayer())));
        swipe.setId("swipeView");
        ((ImageCanvas) single).setFocusTraversable(true);

        Navigator navigator = new Navigator(vm);
        navigator.setId("navigator");
        StackPane.setAlignment(navigator, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(navigator, new Insets(12));
        notice.setId("notice");
        notice.getStyleClass().add("notice");
        notice.textProperty().bind(vm.status().messageProperty());
        notice.visibleProperty().bind(vm.status().messageProperty().isNotEmpty());
        StackPane.setAlignment(notice, Pos.TOP_CENTER);
        StackPane.setMargin(notice, new Insets(12));
        StackPane centre = new StackPane(viewArea, navigator, notice);
        centre.setMinSize(0, 0);
        setCenter(centre);
        showMode(vm.compareModeProperty().get());
        vm.compareModeProperty().addListener((o, a, m) -> showMode(m));

        setTop(new VBox(menuBar(), toolBar()));
        setBottom(statusBar());
        vm.viewport().viewportProperty().addListener((o, a, v) -> showZoom(v));
        vm.content().documentProperty().addListener((o, a, d) -> stage.setTitle("LIIF Viewer — " + d.name()));
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            if (files != null && !files.isEmpty()) {
                vm.content().open(files.get(0).toPath());
            }
            e.setDropCompleted(files != null && !files.isEmpty());
            e.consume();
        });
    }

    /** Applies the light or dark style sheet to {@code scene}. */
    public void applyTheme(Scene scene, boolean darkTheme) {
        dark = darkTheme;
        scene.getStylesheets().setAll(MainWindow.class.getResource(darkTheme ? "dark.css" : "light.css").toExternalForm());
    }

    private void showMode(CompareMode mode) {
        viewArea.getChildren().setAll(switch (mode) {
            case SINGLE -> single;
            case SIDE_BY_SIDE -> sideBySide;
            case SWIPE -> swipe;
        });
    }

    private void showZoom(Viewport v) {
        if (v != null && !zoomField.isFocused()) {
            zoomField.setText(formatZoom(v.zoom()));
        }
    }

    static String formatZoom(double zoom) {
        return zoom >= 10 ? String.format(Locale.ROOT, "%.0f%%", zoom * 100)
                : String.format(Locale.ROOT, "%.1f%%", zoom * 100);
    }

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof TextField || e.isShortcutDown()) {
            return;
        }
        boolean handled = true;
        switch (e.getCode()) {
            case PLUS, ADD, EQUALS -> vm.viewport().zoomIn();
            case MINUS, SUBTRACT -> vm.viewport().zoomOut();
            case DIGIT0, NUMPAD0 -> vm.viewport().fit();
            case DIGIT1, NUMPAD1 -> vm.viewport().actualSize();
            case LEFT -> vm.viewport().step(-1, 0);
            case RIGHT -> vm.viewport().step(1, 0);
            case UP -> vm.viewport().step(0, -1);
            case DOWN -> vm.viewport().step(0, 1);
            default -> handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    private MenuBar menuBar() {
        MenuItem open = item("Open…", "Shortcut+O", this::chooseAndOpen);
        MenuItem export = item("Export…", "Shortcut+E", this::showExport);
        MenuItem quit = item("Quit", "Shortcut+Q", stage::close);
        vm.recentFiles().files().addListener((ListChangeListener<Path>) c -> fillRecent());
        fillRecent();
        Menu file = new Menu("File", null, open, recentMenu, new SeparatorMenuItem(), export,
                new SeparatorMenuItem(), quit);
        ToggleGroup modes = new ToggleGroup();
        Menu compare = new Menu("Compare");
        for (CompareMode m : CompareMode.values()) {
            RadioMenuItem r = new RadioMenuItem(switch (m) {
                case SINGLE -> "Single view";
                case SIDE_BY_SIDE -> "Side by side (bicubic | LIIF)";
                case SWIPE -> "Swipe (bicubic | LIIF)";
            });
            r.setToggleGroup(modes);
            r.setSelected(vm.compareModeProperty().get() == m);
            r.setOnAction(e -> vm.compareModeProperty().set(m));
            vm.compareModeProperty().addListener((o, a, b) -> r.setSelected(b == m));
            compare.getItems().add(r);
        }
        javafx.scene.control.CheckMenuItem withLiif = new javafx.scene.control.CheckMenuItem(
                "Compare LIIF-GAN with LIIF (realism 0), not bicubic");
        withLiif.setId("compareWithLiif");
        withLiif.selectedProperty().bindBidirectional(vm.compareWithLiifProperty());
        withLiif.disableProperty().bind(vm.realismAvailableProperty().not());
        compare.getItems().addAll(new SeparatorMenuItem(), withLiif);
        Menu view = new Menu("View", null, item("Fit to window", null, vm.viewport()::fit), item("100%", null, vm.viewport()::actualSize),
                item("Zoom in", null, vm.viewport()::zoomIn), item("Zoom out", null, vm.viewport()::zoomOut), new SeparatorMenuItem(),
                compare, item("Toggle dark theme", "Shortcut+T", () -> applyTheme(getScene(), !dark)));
        Menu help = new Menu("Help", null, item("About LIIF Viewer", null, this::showAbout));
        return new MenuBar(file, view, modelMenu(), help);
    }

    /** The shipped models to choose from (the one in use checked), and any model file. */
    private Menu modelMenu() {
        Menu menu = new Menu("Model");
        menu.setId("modelMenu");
        ToggleGroup group = new ToggleGroup();
        for (String name : ShippedModels.available()) {
            RadioMenuItem r = new RadioMenuItem(name);
            r.setToggleGroup(group);
            r.setSelected(name.equals(vm.status().modelNameProperty().get()));
            r.setOnAction(e -> vm.content().loadShippedModel(name));
            vm.status().modelNameProperty().addListener((o, a, n) -> r.setSelected(name.equals(n)));
            menu.getItems().add(r);
        }
        if (!menu.getItems().isEmpty()) {
            menu.getItems().add(new SeparatorMenuItem());
        }
        menu.getItems().add(item("Open Model File…", null, this::chooseModel));
        return menu;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem i = new MenuItem(text);
        if (accelerator != null) {
            i.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        i.setOnAction(e -> action.run());
        return i;
    }

    private void fillRecent() {
        recentMenu.getItems().setAll(vm.recentFiles().files().stream()
                .map(p -> item(p.toString(), null, () -> vm.content().open(p))).toList());
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private ToolBar toolBar() {
        zoomField.setId("zoomField");
        zoomField.setFocusTraversable(false);       // editable on click; not focused (and frozen) at start-up
        zoomField.setPrefColumnCount(6);
        zoomField.setTooltip(new Tooltip("Zoom: type 250%, 4x or x30 and press Enter"));
        zoomField.setOnAction(e -> {
            boolean ok = vm.viewport().setZoomText(zoomField.getText());
            zoomField.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), !ok);
            viewArea.requestFocus();
            showZoom(vm.viewport().viewportProperty().get());
        });
        ToggleGroup modes = new ToggleGroup();
        ToggleButton singleMode = modeButton("mdi2i-image-outline", "Single view", CompareMode.SINGLE, modes);
        ToggleButton pairMode = modeButton("mdi2c-compare", "Side by side: bicubic | LIIF", CompareMode.SIDE_BY_SIDE, modes);
        ToggleButton swipeMode = modeButton("mdi2c-compare-horizontal", "Swipe: bicubic | LIIF", CompareMode.SWIPE, modes);
        return new ToolBar(button("mdi2f-folder-open", "Open (Ctrl+O)", this::chooseAndOpen),
                button("mdi2e-export", "Export (Ctrl+E)", this::showExport),
                new javafx.scene.control.Separator(),
                button("mdi2m-magnify-minus-outline", "Zoom out (−)", vm.viewport()::zoomOut), zoomField,
                button("mdi2m-magnify-plus-outline", "Zoom in (+)", vm.viewport()::zoomIn),
                button("mdi2f-fit-to-page-outline", "Fit (0)", vm.viewport()::fit),
                button("mdi2i-image-size-select-actual", "100% (1)", vm.viewport()::actualSize),
                new javafx.scene.control.Separator(), singleMode, pairMode, swipeMode,
                new javafx.scene.control.Separator(),
                button("mdi2c-cube-outline", "Load a LIIF model (.safetensors or official .pth)", this::chooseModel),
                realismControl(),
                button("mdi2t-theme-light-dark", "Light / dark theme", () -> applyTheme(getScene(), !dark)));
    }

    /**
     * The realism slider of LIIF-GAN models, shown while such a model is loaded: the visible tiles are decoded again
     * when the slider is released (or moved by keys), from the features already encoded.
     */
    private HBox realismControl() {
        Slider slider = new Slider(0, 1, vm.realism().get());
        slider.setId("realismSlider");
        slider.setPrefWidth(110);
        slider.setFocusTraversable(false);
        slider.setTooltip(new Tooltip("Realism (LIIF-GAN): 0 = LIIF's smooth estimate, 1 = the model's full texture"));
        slider.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                vm.realism().valueProperty().set(slider.getValue());
            }
        });
        slider.valueProperty().addListener((o, a, b) -> {
            if (!slider.isValueChanging()) {
                vm.realism().valueProperty().set(b.doubleValue());
            }
        });
        HBox box = new HBox(4, new FontIcon("mdi2t-texture-box"), slider);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.visibleProperty().bind(vm.realismAvailableProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Button button(String icon, String tip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private ToggleButton modeButton(String icon, String tip, CompareMode mode, ToggleGroup group) {
        ToggleButton b = new ToggleButton(null, new FontIcon(icon));
        b.setId("mode-" + mode.name().toLowerCase(Locale.ROOT));
        b.setTooltip(new Tooltip(tip));
        b.setToggleGroup(group);
        b.setFocusTraversable(false);
        b.setSelected(vm.compareModeProperty().get() == mode);
        b.setOnAction(e -> {
            vm.compareModeProperty().set(mode);
            b.setSelected(true);
        });
        vm.compareModeProperty().addListener((o, a, m) -> b.setSelected(m == mode));
        return b;
    }

    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("statusBar");
        Label zoom = new Label();
        zoom.setId("statusZoom");
        vm.viewport().viewportProperty().addListener((o, a, v) -> zoom.setText(v == null ? "" : "zoom " + formatZoom(v.zoom())));
        Label pointer = new Label();
        pointer.setId("statusPointer");
        pointer.textProperty().bind(vm.status().pointerInfoProperty());
        bar.textProperty().bind(vm.status().renderInfoProperty());
        Label model = new Label();
        model.textProperty().bind(javafx.beans.binding.Bindings.concat("model: ", vm.status().modelNameProperty()));
        Label backend = new Label();
        backend.textProperty().bind(vm.status().backendProperty());
        bar.getLeftItems().setAll(zoom, new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL), pointer);
        bar.getRightItems().setAll(model, new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL), backend);
        return bar;
    }

    private void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open image");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.tif", "*.tiff", "*.bmp", "*.webp", "*.gif"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            vm.content().open(f.toPath());
        }
    }

    private void chooseModel() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Load LIIF model");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("LIIF models", "*.safetensors", "*.pth"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            vm.content().loadModel(f.toPath());
        }
    }

    /** Shows the About box (version, log file); returns it, open. */
    public AboutDialog showAbout() {
        AboutDialog about = new AboutDialog(stage);
        about.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        about.show();
        return about;
    }

    /** Opens the export dialog for the current image (non-modal wait: the dialog stays until closed). */
    public ExportDialog showExport() {
        var doc = vm.content().documentProperty().get();
        if (doc == null) {
            return null;
        }
        ExportViewModel evm = new ExportViewModel(doc.decoded(), vm.content().modelProperty().get(), vm.realism().get(),
                uiExecutor, background);
        Path base = doc.path() == null ? Path.of(System.getProperty("user.home"), ContentLoader.SAMPLE_NAME) : doc.path();
        String name = base.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        ExportDialog dialog = new ExportDialog(stage, evm, base.resolveSibling(name + "-x2.png"));
        dialog.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        dialog.show();
        return dialog;
    }
}
