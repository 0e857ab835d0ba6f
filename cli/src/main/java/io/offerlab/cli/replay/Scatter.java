package io.offerlab.cli.replay;

import io.offerlab.simcore.results.Numbers;
import java.util.List;
import java.util.Locale;

/** A plain SVG scatter plot of simulated against real job completion times, with the y = x line. */
final class Scatter {
  private static final int SIZE = 480;
  private static final int MARGIN = 50;

  private Scatter() {}

  static String svg(List<FidelityReport.Row> rows) {
    double max = 1e-9;
    for (FidelityReport.Row r : rows) {
      max = Math.max(max, Math.max(r.real(), r.sim()));
    }
    max *= 1.05;
    int plot = SIZE - 2 * MARGIN;
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
            + " font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", SIZE, SIZE));
    svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
        + " stroke=\"black\"/>%n", MARGIN, MARGIN, plot, plot));
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"grey\""
        + " stroke-dasharray=\"4\"/>%n", MARGIN, MARGIN + plot, MARGIN + plot, MARGIN));
    for (FidelityReport.Row r : rows) {
      double x = MARGIN + plot * r.real() / max;
      double y = MARGIN + plot - plot * r.sim() / max;
      svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"steelblue\">"
          + "<title>%s</title></circle>%n", x, y, escape(r.id())));
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">real JCT (s), 0 to %s"
        + "</text>%n", SIZE / 2, SIZE - 15, Numbers.format(max)));
    svg.append(String.format(Locale.ROOT, "<text x=\"15\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90"
        + " 15 %d)\">simulated JCT (s)</text>%n", SIZE / 2, SIZE / 2));
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"30\" text-anchor=\"middle\">Job completion times:"
        + " simulation against replay</text>%n</svg>%n", SIZE / 2));
    return svg.toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
