package io.offerlab.simcore.results;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Atomic writes of results files (docs/results-schema.md): the content goes to a temporary file in the same folder,
 * which is then renamed over the target, so a reader never sees half a file. Files get the process's default
 * permissions (the umask), like any other file it creates.
 */
public final class AtomicFiles {
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private AtomicFiles() {}

  /** Writes the bytes to {@code target} atomically, creating parent folders. */
  public static void write(Path target, byte[] bytes) {
    try {
      Path parent = target.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = parent.resolve("." + target.getFileName() + "." + SEQUENCE.incrementAndGet() + "-"
          + ProcessHandle.current().pid() + ".tmp");
      try {
        Files.write(tmp, bytes);
        commit(tmp, target);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /** Writes UTF-8 text to {@code target} atomically, creating parent folders. */
  public static void write(Path target, String text) {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the temporary file that stands in for {@code target} while it is streamed ({@link #open}). */
  public static Path temporary(Path target) {
    Path name = target.getFileName();
    Path dir = target.toAbsolutePath().getParent();
    return dir.resolve("." + name + ".tmp");
  }

  /** Opens a UTF-8 writer on the temporary file of {@code target}; {@link #commit} publishes it. */
  public static BufferedWriter open(Path target) {
    try {
      return Files.newBufferedWriter(temporary(target), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /** Renames the temporary file over {@code target}. */
  public static void commit(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
