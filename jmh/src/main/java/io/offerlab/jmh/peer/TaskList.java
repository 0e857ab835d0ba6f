package io.offerlab.jmh.peer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the side-by-side task list in Offerlab's native JSON-lines format (docs/workloads.md): a cluster line, then
 * one single-task job per line in one framework, Poisson arrivals and exponential durations from a seeded
 * {@link SplittableRandom}. Times are written in seconds rounded to the microsecond, so both simulators read the
 * same values. The side-by-side list is 100,000 tasks of 1 core and 1 MB at 100 per second with a 10 s mean on 1,000
 * hosts of 4 cores (about 25% load).
 *
 * <p>Run: {@code java -cp jmh/target/benchmarks.jar io.offerlab.jmh.peer.TaskList --tasks 100000 --seed 1 --out FILE}.
 */
public final class TaskList {
  /** The shape of a list: cluster, task count, request, arrival rate (per second), mean duration (s), seed. */
  public record Spec(int hosts, int coresPerHost, long memMbPerHost, int tasks, int cpusPerTask, long memMbPerTask,
      double ratePerSecond, double meanDurationSeconds, long seed) {
    /** Checks every field is positive. */
    public Spec {
      if (hosts <= 0 || coresPerHost <= 0 || memMbPerHost <= 0 || tasks <= 0 || cpusPerTask <= 0
          || memMbPerTask <= 0 || !(ratePerSecond > 0) || !(meanDurationSeconds > 0)) {
        throw new IllegalArgumentException("task list: expected positive sizes, rate and mean, found " + this);
      }
    }

    /** The side-by-side list: 1,000 hosts of 4 cores and 4096 MB, 1-core 1 MB tasks, 100/s, 10 s mean. */
    public static Spec sideBySide(int tasks, long seed) {
      return new Spec(1000, 4, 4096, tasks, 1, 1, 100.0, 10.0, seed);
    }
  }

  private TaskList() {
  }

  /** Writes the list to {@code out} (through a temporary file in the same folder, then a rename). */
  public static void write(Spec spec, Path out) throws IOException {
    Path dir = out.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, out.getFileName().toString(), ".tmp");
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      w.write(String.format(Locale.ROOT, "{\"cluster\": [{\"count\": %d, \"cpus\": %d, \"memMb\": %d}]}%n",
          spec.hosts(), spec.coresPerHost(), spec.memMbPerHost()));
      SplittableRandom random = new SplittableRandom(spec.seed());
      double clock = 0;
      for (int i = 0; i < spec.tasks(); i++) {
        clock += exponential(random, 1.0 / spec.ratePerSecond());
        long arrivalMicros = Math.round(clock * 1e6);
        // At least one microsecond: a task of length 0 is not a task in either simulator.
        long durationMicros = Math.max(1, Math.round(exponential(random, spec.meanDurationSeconds()) * 1e6));
        w.write(String.format(Locale.ROOT,
            "{\"id\": \"j%d\", \"framework\": \"fw\", \"arrival\": %s, \"tasks\": [{\"cpus\": %d, \"memMb\": %d, "
                + "\"duration\": %s}]}%n",
            i, seconds(arrivalMicros), spec.cpusPerTask(), spec.memMbPerTask(), seconds(durationMicros)));
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Seconds with six decimals from microseconds, exactly. */
  static String seconds(long micros) {
    return String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
  }

  private static double exponential(SplittableRandom random, double mean) {
    return -mean * Math.log(1.0 - random.nextDouble());
  }

  /** Parses {@code --tasks N --seed S --out FILE} (and optional shape flags) and writes the list. */
  public static void main(String[] args) {
    int exit = run(args);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  static int run(String[] args) {
    int tasks = 100_000;
    long seed = 1;
    int hosts = 1000;
    double rate = 100.0;
    double mean = 10.0;
    Path out = null;
    try {
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(flag + ": expected a value after it, found the end of the arguments");
        }
        String value = args[++i];
        switch (flag) {
          case "--tasks" -> tasks = PeerArgs.positiveInt(flag, value);
          case "--seed" -> seed = PeerArgs.parseLong(flag, value);
          case "--hosts" -> hosts = PeerArgs.positiveInt(flag, value);
          case "--rate" -> rate = PeerArgs.positiveDouble(flag, value);
          case "--mean" -> mean = PeerArgs.positiveDouble(flag, value);
          case "--out" -> out = Path.of(value);
          default -> throw new IllegalArgumentException("unknown option '" + flag
              + "'; expected --tasks N, --seed S, --hosts N, --rate PER_SECOND, --mean SECONDS, --out FILE");
        }
      }
      if (out == null) {
        throw new IllegalArgumentException("--out: expected the file to write, found nothing");
      }
      Spec spec = new Spec(hosts, 4, 4096, tasks, 1, 1, rate, mean, seed);
      write(spec, out);
      System.out.printf(Locale.ROOT, "%d tasks on %d hosts of 4 cores, %.6g/s, mean %.6g s, seed %d: %s%n",
          tasks, hosts, rate, mean, seed, out);
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("task list: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      System.err.println("task list: cannot write " + out + ": " + e);
      return 2;
    }
  }
}
