package io.offerlab.reports.charts;

/**
 * A chart written to disk as {@code <name>.png} and {@code <name>.svg} in a charts folder.
 *
 * @param name the file name without extension
 * @param title the chart title
 * @param section the report section the chart belongs to
 */
public record ChartFile(String name, String title, String section) {
  /** Returns the PNG file name. */
  public String png() {
    return name + ".png";
  }

  /** Returns the SVG file name. */
  public String svg() {
    return name + ".svg";
  }
}
