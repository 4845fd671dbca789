package org.liifviewer.app.view;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.converter.NumberStringConverter;
import org.liifviewer.app.viewmodel.ExportViewModel;
import org.liifviewer.core.export.ChromaSampling;
import org.liifviewer.core.export.ExportFormat;

/** The export dialog: a thin view of {@link ExportViewModel}. It stays open while exporting, with progress and cancel. */
public final class ExportDialog extends Dialog<Void> {

    static final ButtonType EXPORT = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);

    public ExportDialog(Window owner, ExportViewModel vm, Path suggested) {
        initOwner(owner);
        setTitle("Export");
        setHeaderText("Export the image at any size");
        Spinner<Integer> width = new Spinner<>(1, 1_000_000, vm.widthProperty().get(), 16);
        Spinner<Integer> height = new Spinner<>(1, 1_000_000, vm.heightProperty().get(), 16);
        width.setEditable(true);
        height.setEditable(true);
        width.setId("exportWidth");
        height.setId("exportHeight");
        bindSpinner(width, vm.widthProperty());
        bindSpinner(height, vm.heightProperty());
        CheckBox lock = new CheckBox("Lock aspect ratio");
        lock.selectedProperty().bindBidirectional(vm.aspectLockedProperty());
        TextField scale = new TextField();
        scale.setId("exportScale");
        scale.setPrefColumnCount(6);
        scale.textProperty().bindBidirectional(vm.scaleProperty(), new NumberStringConverter(java.util.Locale.ROOT, "0.###"));
        ChoiceBox<ExportFormat> format = new ChoiceBox<>();
        format.getItems().setAll(ExportFormat.values());
        format.valueProperty().bindBidirectional(vm.formatProperty());
        Slider quality = new Slider(0.5, 1, vm.jpegQualityProperty().get());
        quality.valueProperty().bindBidirectional(vm.jpegQualityProperty());
        quality.disableProperty().bind(vm.formatProperty().isNotEqualTo(ExportFormat.JPEG));
        ChoiceBox<ChromaSampling> chroma = new ChoiceBox<>();
        chroma.setId("exportChroma");
        chroma.getItems().setAll(ChromaSampling.values());
        chroma.valueProperty().bindBidirectional(vm.jpegChromaProperty());
        chroma.disableProperty().bind(quality.disableProperty());
        chroma.setTooltip(new Tooltip("Colour resolution: 4:4:4 keeps coloured edges as sharp as the rendering, "
                + "4:2:0 halves it each way for smaller files"));
        CheckBox sixteen = new CheckBox("16 bits per sample");
        sixteen.selectedProperty().bindBidirectional(vm.sixteenBitProperty());
        sixteen.disableProperty().bind(vm.formatProperty().isEqualTo(ExportFormat.JPEG));
        ChoiceBox<ExportViewModel.Method> method = new ChoiceBox<>();
        method.getItems().setAll(vm.liifAvailable() ? ExportViewModel.Method.values()
                : new ExportViewModel.Method[] {ExportViewModel.Method.BICUBIC});
        method.valueProperty().bindBidirectional(vm.methodProperty());
        TextField file = new TextField();
        file.setId("exportFile");
        file.setPrefColumnCount(28);
        vm.targetProperty().set(suggested);
        file.setText(suggested == null ? "" : suggested.toString());
        file.textProperty().addListener((o, a, t) -> vm.targetProperty().set(t.isBlank() ? null : Path.of(t.trim())));
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName(suggested == null ? "export.png" : suggested.getFileName().toString());
            Path chosen = java.util.Optional.ofNullable(chooser.showSaveDialog(getDialogPane().getScene().getWindow()))
                    .map(java.io.File::toPath).orElse(null);
            if (chosen != null) {
                file.setText(chosen.toString());
                vm.formatProperty().set(ExportFormat.forFileName(chosen.toString()));
            }
        });
        ProgressBar progress = new ProgressBar();
        progress.setId("exportProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progressProperty());
        Label status = new Label();
        status.setId("exportStatus");
        status.setWrapText(true);          // an estimate beyond the limits is a long sentence
        status.setMaxWidth(560);
        status.textProperty().bind(vm.statusProperty());
        Label estimate = new Label();
        estimate.setId("exportEstimate");
        estimate.textProperty().bind(vm.estimateProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        int r = 0;
        grid.addRow(r++, new Label("Width"), width, new Label("Height"), height);
        grid.addRow(r++, new Label("Scale"), scale, lock);
        grid.addRow(r++, new Label("Format"), format, sixteen);
        grid.addRow(r++, new Label("JPEG quality"), quality, new Label("Colour"), chroma);
        grid.addRow(r++, new Label("Method"), method);
        grid.add(new Label("File"), 0, r);
        grid.add(new HBox(6, file, browse), 1, r++, 3, 1);
        grid.add(estimate, 0, r++, 4, 1);
        grid.add(progress, 0, r++, 4, 1);
        grid.add(status, 0, r, 4, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(EXPORT, ButtonType.CANCEL, ButtonType.CLOSE);
        Button export = (Button) getDialogPane().lookupButton(EXPORT);
        export.setId("exportStart");
        export.disableProperty().bind(vm.runningProperty());
        export.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();            // stay open: the export runs in the background
            vm.start();
        });
        Button cancel = (Button) getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setText("Stop");
        cancel.setId("exportCancel");
        cancel.disableProperty().bind(Bindings.not(vm.runningProperty()));
        cancel.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            vm.cancel();
        });
        setOnCloseRequest(e -> vm.cancel());
    }

    private static void bindSpinner(Spinner<Integer> spinner, javafx.beans.property.IntegerProperty property) {
        spinner.getValueFactory().valueProperty().addListener((o, a, v) -> {
            if (v != null && v != property.get()) {
                property.set(v);
            }
        });
        property.addListener((o, a, v) -> spinner.getValueFactory().setValue(v.intValue()));
    }
}
