package io.offerlab.realruntime.cgroups;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small helpers to read and write cgroup control files and to signal the pids they list. */
final class CgroupFiles {
  private CgroupFiles() {
  }

  static void write(Path file, String value) throws IOException {
    try {
      Files.writeString(file, value, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IOException("cannot write '" + value + "' to " + file + ": " + e.getMessage(), e);
    }
  }

  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.US_ASCII).trim();
  }

  /** Return the pids listed in a {@code cgroup.procs} file, or none when the cgroup is gone. */
  static List<Long> pids(Path procs) throws IOException {
    var pids = new ArrayList<Long>();
    try {
      for (String line : Files.readAllLines(procs, StandardCharsets.US_ASCII)) {
        if (!line.isBlank()) {
          pids.add(Long.parseLong(line.trim()));
        }
      }
    } catch (NoSuchFileException e) {
      return pids;
    }
    return pids;
  }

  /** Return the value of a {@code key value} line of a flat keyed file ({@code memory.events}), or 0. */
  static long keyed(Path file, String key) throws IOException {
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length == 2 && parts[0].equals(key)) {
          return Long.parseLong(parts[1]);
        }
      }
    } catch (NoSuchFileException e) {
      return 0;
    }
    return 0;
  }

  /** Send SIGTERM ({@code force} false) or SIGKILL to each pid. */
  static void signal(List<Long> pids, boolean force) {
    for (long pid : pids) {
      ProcessHandle.of(pid).ifPresent(p -> {
        if (force) {
          p.destroyForcibly();
        } else {
          p.destroy();
        }
      });
    }
  }

  /** Remove a cgroup directory; false when it still has processes or children. A missing one counts as removed. */
  static boolean rmdir(Path dir) {
    try {
      Files.deleteIfExists(dir);
      return true;
    } catch (DirectoryNotEmptyException e) {
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /** Wait up to {@code millis} for a condition, polling every 10 ms. */
  static boolean await(IoCondition condition, long millis) throws IOException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (true) {
      if (condition.holds()) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return condition.holds();
      }
    }
  }

  /** A condition that reads files. */
  interface IoCondition {
    boolean holds() throws IOException;
  }
}
