import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The gateway benchmark's plots, from the TSV files Gateway.java writes: latency percentiles of
 * the stub alone and of Confab, Confab's turns per second at saturation, and Confab's resident
 * memory over the run, one series per JVM configuration.
 *
 *   java -cp xchart-3.8.8.jar Plots.java DATA_DIR PLOT_DIR CONFIG...
 *
 * DATA_DIR holds CONFIG-latency.tsv, CONFIG-throughput.tsv and CONFIG-rss.tsv for each CONFIG.
 */
public class Plots {

    static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)};
    static final Color STUB = new Color(0x7f7f7f);
    static final Color TARGET = new Color(0xff7f0e);

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path data = Path.of(args[0]);
        Path plots = Path.of(args[1]);
        Files.createDirectories(plots);
        List<String> configs = List.of(args).subList(2, args.length);
        BitmapEncoder.saveBitmap(List.of(latency(data, configs, "fixed"), latency(data, configs, "saturation")), 1, 2,
                plots.resolve("gateway-latency").toString(), BitmapEncoder.BitmapFormat.PNG);
        BitmapEncoder.saveBitmap(throughput(data, configs), plots.resolve("gateway-throughput").toString(),
                BitmapEncoder.BitmapFormat.PNG);
        BitmapEncoder.saveBitmap(memory(data, configs), plots.resolve("gateway-memory").toString(),
                BitmapEncoder.BitmapFormat.PNG);
    }

    /**
     * Latency by percentile on the usual "nines" axis: x = log10(1 / (1 - p)), so 90%, 99% and
     * 99.9% are evenly spaced and the tail is as visible as the median. The axis is labelled in
     * nines: XChart 3.8.8 loops forever when a label function gives two ticks the same label.
     */
    static XYChart latency(Path data, List<String> configs, String phase) throws IOException {
        XYChart chart = new XYChartBuilder().width(700).height(480)
                .title("Turn latency, " + (phase.equals("fixed") ? "fixed rate (open loop)" : "saturation (closed loop)"))
                .xAxisTitle("percentile, in nines: 0.3 = p50, 1 = p90, 2 = p99, 3 = p99.9").yAxisTitle("ms (log)").build();
        style(chart);
        chart.getStyler().setYAxisLogarithmic(true).setXAxisMin(0.0).setXAxisMax(3.0);
        int i = 0;
        for (String config : configs) {
            for (String target : List.of("stub", "confab")) {
                List<Double> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                for (String[] row : rows(data.resolve(config + "-latency.tsv"))) {
                    double p = Double.parseDouble(row[1]);
                    if (row[0].equals(target + " " + phase) && p <= 99.9) {
                        x.add(Math.log10(1 / (1 - p / 100)));
                        y.add(Math.max(0.01, Double.parseDouble(row[2])));
                    }
                }
                if (x.isEmpty()) {
                    continue;
                }
                XYSeries s = chart.addSeries((target.equals("stub") ? "stub direct" : "Confab") + " (" + config + ")", x, y);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(target.equals("stub") ? blend(STUB, COLORS[i % COLORS.length]) : COLORS[i % COLORS.length]);
                if (target.equals("stub")) {
                    s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {6, 4}, 0));
                }
            }
            i++;
        }
        return chart;
    }

    /** Confab's completed turns in each second of the saturation phase, against the target. */
    static XYChart throughput(Path data, List<String> configs) throws IOException {
        XYChart chart = new XYChartBuilder().width(800).height(420).title("Confab at saturation (closed loop)")
                .xAxisTitle("second of the phase").yAxisTitle("turns/s").build();
        style(chart);
        chart.getStyler().setYAxisMin(0.0);
        int i = 0;
        int seconds = 1;
        for (String config : configs) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (String[] row : rows(data.resolve(config + "-throughput.tsv"))) {
                if (row[0].equals("confab saturation")) {
                    x.add(Double.parseDouble(row[1]));
                    y.add(Double.parseDouble(row[2]));
                }
            }
            if (!x.isEmpty()) {
                seconds = Math.max(seconds, x.size());
                XYSeries s = chart.addSeries("Confab (" + config + ")", x, y);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setLineColor(COLORS[i % COLORS.length]);
                s.setMarkerColor(COLORS[i % COLORS.length]);
            }
            i++;
        }
        target(chart, "target 2,000 turns/s", 1, seconds, 2000);
        return chart;
    }

    /** Confab's VmRSS through the whole load, against the target. */
    static XYChart memory(Path data, List<String> configs) throws IOException {
        XYChart chart = new XYChartBuilder().width(800).height(420).title("Confab resident memory (VmRSS) under load")
                .xAxisTitle("seconds since the load began (warm-up, stub and Confab phases)").yAxisTitle("MB").build();
        style(chart);
        chart.getStyler().setYAxisMin(0.0);
        int i = 0;
        double end = 1;
        for (String config : configs) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (String[] row : rows(data.resolve(config + "-rss.tsv"))) {
                x.add(Double.parseDouble(row[0]));
                y.add(Double.parseDouble(row[2]));
            }
            if (!x.isEmpty()) {
                end = Math.max(end, x.get(x.size() - 1));
                XYSeries s = chart.addSeries("Confab (" + config + ")", x, y);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(COLORS[i % COLORS.length]);
            }
            i++;
        }
        target(chart, "target 256 MB", 0, end, 256);
        return chart;
    }

    static void target(XYChart chart, String name, double from, double to, double value) {
        XYSeries s = chart.addSeries(name, new double[] {from, to}, new double[] {value, value});
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(TARGET);
        s.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {8, 6}, 0));
    }

    static void style(XYChart chart) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW).setChartBackgroundColor(Color.WHITE)
                .setLegendBackgroundColor(new Color(255, 255, 255, 220));
        chart.getStyler().setPlotGridLinesColor(new Color(0xdddddd)).setMarkerSize(4);
    }

    static Color blend(Color a, Color b) {
        return new Color((a.getRed() + b.getRed()) / 2, (a.getGreen() + b.getGreen()) / 2, (a.getBlue() + b.getBlue()) / 2);
    }

    /** The rows of a TSV file, without its header. */
    static List<String[]> rows(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(file);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            rows.add(line.split("\t"));
        }
        return rows;
    }
}
