package io.offerlab.reports.charts;

import io.offerlab.simcore.results.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/** Writes an XChart chart as PNG and SVG, atomically, in headless mode. */
final class ChartWriter {
  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private ChartWriter() {}

  /** Writes {@code dir/name.png} and {@code dir/name.svg} and describes them. */
  static ChartFile write(Chart<?, ?> chart, Path dir, String name, String section) {
    if (chart instanceof XYChart xy) {
      Plots.roundTicks(xy);
    }
    try {
      AtomicFiles.write(dir.resolve(name + ".png"),
          BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
      ByteArrayOutputStream svg = new ByteArrayOutputStream();
      VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
      AtomicFiles.write(dir.resolve(name + ".svg"), svg.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ChartFile(name, chart.getTitle(), section);
  }
}
