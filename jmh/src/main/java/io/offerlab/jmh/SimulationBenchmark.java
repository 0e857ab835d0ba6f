package io.offerlab.jmh;

import io.offerlab.simcore.ProgressListener;
import io.offerlab.simcore.RunResult;
import io.offerlab.simcore.RunSpec;
import io.offerlab.simcore.Simulations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * One whole simulation, end to end, as {@code offerlab simulate} runs it ({@link Simulations#run}): workload
 * reading, the engine, the allocator, the isolation model and the results files. In throughput mode the score is
 * runs per second and the {@code events} and {@code tasks} counters read as engine events and task launches per
 * second of wall time.
 *
 * <p>The {@code options} parameter holds workload options as {@code key=value} pairs separated by {@code ;}. JMH
 * classes cannot be final.
 *
 * <p>How to run: {@code java -jar jmh/target/benchmarks.jar SimulationBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SimulationBenchmark {
  /** The workload spec. */
  @Param({"synthetic:poisson"})
  public String workload;

  /** Workload options, {@code key=value;key=value}. */
  @Param({"synthetic.jobs=2000"})
  public String options;

  /** The allocator under test. */
  @Param({"DRF"})
  public AllocatorType allocator;

  private Path outDir;
  private RunSpec spec;

  /** Events and task launches, normalised by JMH like the score (per second). */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    /** Engine events processed so far in this iteration. */
    public long events;
    /** Task attempts launched so far in this iteration. */
    public long tasks;
  }

  /** Creates the output folder and the run spec. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    outDir = Files.createTempDirectory("offerlab-simbench");
    spec = new RunSpec(workload, parseOptions(options), allocator.name().toLowerCase(Locale.ROOT), null, null,
        AllocatorType.SEED);
  }

  /** Deletes the output folder. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Folders.deleteTree(outDir);
  }

  /** Runs the simulation once. */
  @Benchmark
  public RunResult simulate(Counters counters) {
    RunResult result = Simulations.run(spec, outDir, ProgressListener.NONE);
    counters.events += result.events();
    counters.tasks += result.tasksLaunched();
    return result;
  }

  /** Parses {@code key=value;key=value} (empty for none). */
  static Map<String, String> parseOptions(String text) {
    Map<String, String> map = new TreeMap<>();
    for (String pair : text.split(";")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "options: expected key=value pairs separated by ';', found '" + pair.strip() + "' in '" + text + "'");
      }
      map.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    return map;
  }
}
