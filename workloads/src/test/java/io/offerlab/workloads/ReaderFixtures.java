package io.offerlab.workloads;

import io.offerlab.workloads.reader.Options;
import io.offerlab.workloads.reader.TraceReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Fixture helpers shared by the reader tests: options from key-value pairs, trace files, and reading to the end. */
public final class ReaderFixtures {
  private ReaderFixtures() {}

  /** Returns a mutable map of the pairs {@code key1, value1, key2, value2, ...}. */
  public static Map<String, String> pairs(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  /** Returns reader options of the pairs {@code key1, value1, key2, value2, ...}. */
  public static Options options(String... kv) {
    return new Options(pairs(kv));
  }

  /** Writes {@code text} to {@code file} and returns it. */
  public static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads every job, then closes the reader. */
  public static List<Job> readAll(TraceReader reader) {
    List<Job> jobs = new ArrayList<>();
    try (reader) {
      Job j;
      while ((j = reader.next()) != null) {
        jobs.add(j);
      }
    }
    return jobs;
  }
}
