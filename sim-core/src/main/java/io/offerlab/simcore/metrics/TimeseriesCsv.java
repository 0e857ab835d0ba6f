package io.offerlab.simcore.metrics;

import io.offerlab.simcore.results.AtomicFiles;
import io.offerlab.simcore.results.Csv;
import io.offerlab.simcore.results.Numbers;
import io.offerlab.simcore.results.ResultsKeys;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Lays out {@code timeseries.csv} from the rows {@link Metrics} buffered during the run: the fixed cluster columns,
 * then {@code share:<framework>}, {@code cpus:<framework>} and {@code allocator_share:<framework>} columns in name
 * order (zeros before a framework registered). Written to a temporary file and renamed into place.
 */
final class TimeseriesCsv {
  private TimeseriesCsv() {}

  /**
   * Writes {@code target} from {@code rows} binary rows in {@code rowFile} (time, 15 cluster values, then the number
   * of frameworks registered so far and their share, CPUs and allocator's share in registration order), then deletes
   * the scratch file.
   */
  static void write(Path rowFile, long rows, List<String> frameworks, Path target) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < frameworks.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(frameworks::get));
    try (BufferedWriter out = AtomicFiles.open(target);
        InputStream raw = Files.newInputStream(rowFile);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
      StringBuilder line = new StringBuilder(256);
      line.append(String.join(",", ResultsKeys.TIMESERIES_COLUMNS));
      for (int i : order) {
        line.append(',').append(Csv.field(ResultsKeys.SHARE_PREFIX + frameworks.get(i)));
      }
      for (int i : order) {
        line.append(',').append(Csv.field(ResultsKeys.CPUS_PREFIX + frameworks.get(i)));
      }
      for (int i : order) {
        line.append(',').append(Csv.field(ResultsKeys.ALLOCATOR_SHARE_PREFIX + frameworks.get(i)));
      }
      out.write(line.append('\n').toString());
      double[] fwValues = new double[3 * frameworks.size()];
      for (long r = 0; r < rows; r++) {
        line.setLength(0);
        Numbers.appendSeconds(line, in.readLong());
        for (int c = 0; c < 15; c++) {
          line.append(',');
          Numbers.append(line, in.readDouble());
        }
        int n = in.readInt();
        Arrays.fill(fwValues, 0);
        for (int i = 0; i < 3 * n; i++) {
          fwValues[i] = in.readDouble();
        }
        for (int column = 0; column < 3; column++) {
          for (int i : order) {
            line.append(',');
            Numbers.append(line, fwValues[3 * i + column]);
          }
        }
        out.write(line.append('\n').toString());
      }
    } catch (EOFException e) {
      throw new IllegalStateException("timeseries scratch file is truncated", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
    try {
      AtomicFiles.commit(AtomicFiles.temporary(target), target);
      Files.deleteIfExists(rowFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

}
