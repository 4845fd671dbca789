package org.liifviewer.training.eval;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.liifviewer.core.io.AtomicFile;

/**
 * Draws mean PSNR against scale (log-scale x axis) as a PNG (XChart): the model solid, the bicubic baseline
 * dashed; one colour per set when there are several.
 */
public final class PsnrPlot {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 560;

    private PsnrPlot() {
    }

    /** Writes the plot to {@code file}, replacing it atomically. */
    public static void write(EvalResult result, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("PSNR vs scale: " + result.modelName() + ", " + result.protocol().label() + " protocol")
                .xAxisTitle("upscaling factor (log scale)").yAxisTitle("PSNR (dB)").build();
        XYStyler styler = chart.getStyler();
        styler.setXAxisLogarithmic(true);
        styler.setXAxisLogarithmicDecadeOnly(false);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        List<Double> x = result.scales().stream().sorted().map(Integer::doubleValue).toList();
        boolean severalSets = result.sets().size() > 1;
        Color[] palette = styler.getSeriesColors();
        for (int i = 0; i < result.sets().size(); i++) {
            String set = result.sets().get(i);
            for (Method m : Method.values()) {
                Color color = palette[(severalSets ? i : m.ordinal()) % palette.length];
                List<Double> done = x.stream().filter(s -> !result.scores(set, m, s.intValue()).isEmpty()).toList();
                if (done.isEmpty()) {
                    continue;
                }
                List<Double> y = done.stream().map(s -> result.mean(Metric.PSNR, set, m, s.intValue())).toList();
                XYSeries series = chart.addSeries(severalSets ? set + " " + m.title() : m.title(), done, y);
                series.setMarker(SeriesMarkers.CIRCLE);
                series.setLineColor(color);
                series.setMarkerColor(color);
                series.setLineStyle(m == Method.BICUBIC ? SeriesLines.DASH_DASH : SeriesLines.SOLID);
            }
        }
        AtomicFile.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }
}
