package io.offerlab.workloads;

import io.offerlab.workloads.jsonl.NativeWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.zip.GZIPOutputStream;

/**
 * The native JSON-lines workload format ({@code native:FILE.jsonl}, documented in docs/workloads.md), written by
 * {@code offerlab trace convert}.
 */
public final class NativeFormat {
  private NativeFormat() {}

  /**
   * Writes every job of {@code workload} (and its cluster hint as the first line) to {@code out}, atomically: a
   * temporary file in the same folder, then a rename. A name ending in {@code .gz} is gzip-compressed.
   */
  public static void write(Workload workload, Path out) {
    Path target = out.toAbsolutePath();
    Path dir = target.getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      // Not createTempFile: it makes the file 0600, and the output should have the umask's permissions like every
      // other file Offerlab writes.
      tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
          + Long.toUnsignedString(System.nanoTime()) + ".tmp");
      OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE), 1 << 16);
      if (target.getFileName().toString().endsWith(".gz")) {
        os = new GZIPOutputStream(os, 1 << 16);
      }
      try (NativeWriter w = new NativeWriter(os)) {
        w.cluster(workload.clusterHint());
        Iterator<Job> it = workload.jobs().iterator();
        while (it.hasNext()) {
          w.job(it.next());
        }
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + out + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the original failure matters more
        }
      }
    }
  }
}
