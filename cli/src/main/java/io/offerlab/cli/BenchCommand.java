package io.offerlab.cli;

import io.offerlab.reports.bench.BenchReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code offerlab bench}: runs the JMH benchmarks jar ({@code jmh/target/benchmarks.jar}) in its own JVM, keeps JMH's
 * JSON, and draws scaling charts and a Markdown table from it; or renders JMH JSON produced elsewhere.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Run the JMH offer-cycle benchmarks and draw scaling charts (see docs/benchmarks.md).")
final class BenchCommand implements Callable<Integer> {
  /** The reduced grid of {@code --quick}: one fork, short iterations, small clusters (a few minutes). */
  static final List<String> QUICK = List.of("-f", "1", "-wi", "2", "-i", "3", "-w", "1s", "-r", "1s",
      "-p", "agents=1000,10000", "-p", "frameworks=100,1000", "-p", "size=2000x200");

  @Spec
  CommandSpec spec;

  @Option(names = "--quick", description = "One fork, short iterations and a reduced grid (a few minutes).")
  boolean quick;

  @Option(names = "--include", paramLabel = "REGEX", description = "Run only benchmarks matching this JMH regex.")
  String include;

  @Option(names = "--jar", paramLabel = "FILE", description = "The benchmarks jar (default: jmh/target/benchmarks.jar "
      + "under the Offerlab checkout).")
  Path jar;

  @Option(names = "--from", paramLabel = "JMH.json", description = "Render this JMH JSON result file instead of "
      + "running the benchmarks.")
  Path from;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write jmh.json, bench.md, "
      + "bench.csv and charts/.")
  Path out;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Files.createDirectories(out);
    Path json = from;
    if (json == null) {
      json = out.resolve("jmh.json");
      int exit = runJmh(benchmarksJar(), json);
      if (exit != 0) {
        spec.commandLine().getErr().println("offerlab: the benchmarks exited with code " + exit);
        return Main.INTERNAL_ERROR;
      }
    } else if (!Files.isRegularFile(json)) {
      throw new IllegalArgumentException("--from: no such file: " + json);
    }
    BenchReport.Rendered rendered = BenchReport.render(json, out);
    spec.commandLine().getOut().printf("%d results, %d charts; table in %s%n", rendered.results().size(),
        rendered.charts().size(), out.resolve("bench.md"));
    return 0;
  }

  private Path benchmarksJar() {
    Path candidate = jar != null ? jar
        : Path.of(System.getProperty("offerlab.home", ".")).resolve("jmh/target/benchmarks.jar");
    if (!Files.isRegularFile(candidate)) {
      throw new IllegalArgumentException("--jar: no benchmarks jar at " + candidate
          + "; build it with 'mvn -B -DskipTests package -pl jmh -am' or run ./offerlab bench");
    }
    return candidate;
  }

  private int runJmh(Path benchmarks, Path json) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", benchmarks.toString()));
    if (include != null) {
      command.add(include);
    }
    if (quick) {
      command.addAll(QUICK);
    }
    command.addAll(List.of("-rf", "json", "-rff", json.toString()));
    spec.commandLine().getErr().println("offerlab: running " + String.join(" ", command));
    return new ProcessBuilder(command).inheritIO().start().waitFor();
  }
}
