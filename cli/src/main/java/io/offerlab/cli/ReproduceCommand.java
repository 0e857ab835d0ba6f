package io.offerlab.cli;

import io.offerlab.reports.reproduce.Reproductions;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code offerlab reproduce drf-paper|mesos-paper|omega-hoarding --out DIR}: reruns a paper's table or figure and writes
 * it next to the paper's numbers, with seeds and intervals (docs/reproduce.md).
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
    description = "Reproduce a paper's table or figure next to the paper's numbers: drf-paper (Ghodsi et al., NSDI"
        + " 2011), mesos-paper (Hindman et al., NSDI 2011, Table 4), omega-hoarding (Schwarzkopf et al., EuroSys"
        + " 2013, Mesos offer hoarding).")
final class ReproduceCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "drf-paper, mesos-paper or omega-hoarding.")
  String name;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The output folder; the reproduction"
      + " goes into DIR/NAME/.")
  Path out;

  @Option(names = "--threads", paramLabel = "N", description = "Runs in parallel (default: the available cores).")
  Integer threads;

  @Override
  public Integer call() {
    if (!Reproductions.NAMES.contains(name)) {
      throw new ParameterException(spec.commandLine(), "reproduce: expected one of "
          + String.join(", ", Reproductions.NAMES) + ", found '" + name + "'");
    }
    if (java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) {
      throw new ParameterException(spec.commandLine(), "--out: expected a folder, found the file '" + out + "'");
    }
    if (threads != null && threads < 1) {
      throw new ParameterException(spec.commandLine(), "--threads: expected a positive number, found " + threads);
    }
    Reproductions.Outcome outcome = Reproductions.run(name, out, RunProgress.threads(threads));
    spec.commandLine().getOut().printf(Locale.ROOT, "reproduce %s: %d tables in %.1f s%nreport: %s%n", name,
        outcome.tables().size(), outcome.seconds(), outcome.dir().resolve("README.md").toAbsolutePath().normalize());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
