package io.offerlab.workloads.reader;

import io.offerlab.workloads.WorkloadException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Opens trace files: checks that they exist, and sniffs compression once from the first bytes (gzip magic
 * {@code 1f 8b}, zip magic {@code PK 03 04}, else plain text), as Caffeine's trace readers do in their base class.
 * A zip archive is read from its first file entry.
 */
public final class TraceInput {
  private static final int BUFFER = 1 << 16;

  private TraceInput() {}

  /** Resolves {@code location} and fails with a one-line message when nothing exists there. */
  public static Path existing(String format, String location) {
    if (location == null || location.isBlank()) {
      throw new WorkloadException("workload spec '" + format + ":': expected a path after the colon");
    }
    Path path;
    try {
      path = Path.of(location);
    } catch (InvalidPathException e) {
      throw new WorkloadException("workload spec '" + format + ":" + location + "': expected a valid path");
    }
    if (!Files.exists(path)) {
      throw new WorkloadException(format + ": no such file or directory: " + location);
    }
    return path;
  }

  /** Fails unless {@code path} is a readable regular file. */
  public static Path requireFile(String format, Path path) {
    if (!Files.isRegularFile(path)) {
      throw new WorkloadException(format + ": expected a file, found a directory: " + path);
    }
    if (!Files.isReadable(path)) {
      throw new WorkloadException(format + ": cannot read file: " + path);
    }
    return path;
  }

  /** Lists the regular, non-hidden files of {@code dir} whose names satisfy {@code accept}, sorted by name. */
  public static List<Path> list(Path dir, java.util.function.Predicate<String> accept) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> accept.test(p.getFileName().toString()))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the name used in messages: the file's parent folder and its name, e.g. {@code swf/kth.swf.gz}. */
  public static String displayName(Path path) {
    Path name = path.getFileName();
    Path parent = path.toAbsolutePath().normalize().getParent();
    if (name == null) {
      return path.toString();
    }
    if (parent == null || parent.getFileName() == null) {
      return name.toString();
    }
    return parent.getFileName() + "/" + name;
  }

  /**
   * Opens a file for reading, decompressing gzip or zip when the first bytes say so. Corrupt compressed headers fail
   * with a {@link WorkloadException} naming the file.
   */
  public static InputStream open(Path path, String displayName) {
    InputStream raw = null;
    try {
      raw = new BufferedInputStream(Files.newInputStream(path), BUFFER);
      raw.mark(4);
      int b0 = raw.read();
      int b1 = raw.read();
      int b2 = raw.read();
      int b3 = raw.read();
      raw.reset();
      if (b0 == 0x1f && b1 == 0x8b) {
        return new GZIPInputStream(raw, BUFFER);
      }
      if (b0 == 'P' && b1 == 'K' && b2 == 3 && b3 == 4) {
        ZipInputStream zip = new ZipInputStream(raw);
        ZipEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
          if (!entry.isDirectory()) {
            return zip;
          }
        }
        zip.close();
        throw new WorkloadException(displayName + ":1: expected a file entry in the zip archive, found none");
      }
      return raw;
    } catch (ZipException | java.io.EOFException e) {
      closeQuietly(raw);
      throw new WorkloadException(displayName + ":1: expected a readable compressed file, found corrupt data ("
          + e.getMessage() + ")");
    } catch (IOException e) {
      closeQuietly(raw);
      throw new UncheckedIOException(e);
    }
  }

  private static void closeQuietly(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException ignored) {
        // already failing
      }
    }
  }
}
