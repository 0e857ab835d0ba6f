package io.offerlab.jmh.peer;

import io.offerlab.jmh.Folders;
import io.offerlab.simcore.ProgressListener;
import io.offerlab.simcore.RunResult;
import io.offerlab.simcore.RunSpec;
import io.offerlab.simcore.Simulations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The side-by-side with CloudSim Plus: one generated task list ({@link TaskList}, 1,000 hosts of 4 cores, 1-core
 * tasks at 100 per second with a 10 s mean) simulated once per fork, cold, by CloudSim Plus 7.3.0
 * ({@link CloudSimRun}) or by Offerlab ({@link Simulations#run}, DRF, {@code tJob} and {@code tTask} 0, seed 1,
 * exactly what {@code offerlab simulate} runs). The score is the time of one simulation from reading the file to the
 * results, without JVM start; what decides is the whole process's wall time, measured by the script in
 * docs/benchmarks.md. Each fork prints the makespan and mean response it got, so the two sides can be checked to
 * simulate the same thing.
 *
 * <p>How to run: {@code java -jar jmh/target/benchmarks.jar PeerBenchmark} (add {@code -p tasks=10000 -f 1} for a
 * quick look). JMH classes cannot be final.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(3)
@State(Scope.Benchmark)
public class PeerBenchmark {
  /** The Offerlab cluster of the side-by-side, as {@code --cluster} gives it. */
  public static final String CLUSTER = "uniform:1000:cpus:4;mem:4096";
  /** {@code frameworks.default.tJob} and {@code tTask} at 0, as examples/peer/zero.yaml. */
  public static final String ZERO_YAML = "frameworks:\n  default:\n    tJob: 0s\n    tTask: 0s\n";

  /** The simulator under test. */
  @Param({"CLOUDSIM", "OFFERLAB"})
  public Side side;

  /** How many tasks the list has. */
  @Param({"100000"})
  public int tasks;

  private Path dir;
  private Path list;
  private String summary;

  /** A simulator of the side-by-side, given the list, zero.yaml and an output folder; returns its summary line. */
  public enum Side {
    /** CloudSim Plus 7.3.0 through {@link CloudSimRun}. */
    CLOUDSIM {
      @Override
      public String run(Path list, Path zeroYaml, Path outDir) {
        return CloudSimRun.run(list, CloudSimRun.DEFAULT_MIN_TIME_BETWEEN_EVENTS).summary();
      }
    },
    /** Offerlab as {@code offerlab simulate --allocator drf --cluster CLUSTER --config zero.yaml --seed 1}. */
    OFFERLAB {
      @Override
      public String run(Path list, Path zeroYaml, Path outDir) {
        RunResult r = Simulations.run(new RunSpec("native:" + list, Map.of(), "drf", CLUSTER, zeroYaml, 1), outDir,
            ProgressListener.NONE);
        return String.format(Locale.ROOT, "Offerlab: %d of %d jobs, makespan %.3f s, mean JCT %.4f s, %d events",
            r.jobsCompleted(), r.jobsSubmitted(), r.makespanSeconds(), r.meanJctSeconds(), r.events());
      }
    };

    /** Simulates {@code list} and returns one line with the task count, makespan and mean response. */
    public abstract String run(Path list, Path zeroYaml, Path outDir);
  }

  /** Writes the list (seed 1) and zero.yaml into a temporary folder. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("offerlab-peer");
    list = dir.resolve("tasks.jsonl");
    TaskList.write(TaskList.Spec.sideBySide(tasks, 1), list);
    Files.writeString(dir.resolve("zero.yaml"), ZERO_YAML);
  }

  /** Prints what the run simulated and deletes the folder. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    System.out.println();
    System.out.println(summary);
    Folders.deleteTree(dir);
  }

  /** Simulates the list once. */
  @Benchmark
  public String simulate() {
    summary = side.run(list, dir.resolve("zero.yaml"), dir.resolve("out"));
    return summary;
  }
}
