package org.liifviewer.training.eval;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws mean PSNR against scale (log-scale x axis), one curve per method and set, as a PNG (XChart). */
public final class PsnrPlot {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 560;

    private PsnrPlot() {
    }

    /** Writes the plot to {@code file}, replacing it. */
    public static void write(EvalResult result, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("PSNR vs scale: " + result.modelName() + ", " + result.protocol().label() + " protocol")
                .xAxisTitle("upscaling factor (log scale)").yAxisTitle("PSNR (dB)").build();
        XYStyler styler = chart.getStyler();
        styler.setXAxisLogarithmic(true);
        styler.setXAxisLogarithmicDecadeOnly(false);
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        List<Double> x = result.scales().stream().sorted().map(Integer::doubleValue).toList();
        boolean severalSets = result.sets().size() > 1;
        for (String set : result.sets()) {
            for (Method m : Method.values()) {
                List<Double> y = x.stream().map(s -> result.meanPsnr(set, m, s.intValue())).toList();
                String name = severalSets ? set + " " + m.title() : m.title();
                chart.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE);
            }
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
