package io.offerlab.simcore.metrics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Atomic writes: the content goes to a temporary file in the same folder, which is then renamed over the target. */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes {@code content} (UTF-8) to {@code target} atomically. */
  public static void write(Path target, String content) {
    Path temp = temporary(target);
    try {
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      commit(temp, target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /** Returns the temporary file that stands in for {@code target} until {@link #commit}. */
  public static Path temporary(Path target) {
    Path name = target.getFileName();
    Path dir = target.toAbsolutePath().getParent();
    return dir.resolve("." + name + ".tmp");
  }

  /** Opens a UTF-8 writer on the temporary file of {@code target}. */
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
