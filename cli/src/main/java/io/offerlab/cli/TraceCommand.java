package io.offerlab.cli;

import io.offerlab.workloads.NativeFormat;
import io.offerlab.workloads.TraceStats;
import io.offerlab.workloads.Workload;
import io.offerlab.workloads.Workloads;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code offerlab trace stats|convert}: summarises a workload, or writes it in the native JSON-lines format. */
@Command(name = "trace", mixinStandardHelpOptions = true,
    description = "Inspect or convert a workload trace.",
    subcommands = {TraceCommand.Stats.class, TraceCommand.Convert.class})
final class TraceCommand {

  /** The workload to read: {@code FORMAT:PATH} and its format options. */
  static final class WorkloadArgs {
    @Option(names = "--workload", required = true, paramLabel = "SPEC",
        description = "FORMAT:PATH, e.g. google2011:DIR, swf:FILE, swim:FILE, alibaba-gpu2023:DIR, native:FILE.jsonl, "
            + "synthetic:NAME")
    String spec;

    @Option(names = "--workload-option", paramLabel = "KEY=VALUE",
        description = "A workload option (repeatable), e.g. google2011.machineCpus=16 or limit=1000.")
    Map<String, String> options = new LinkedHashMap<>();

    Workload open() {
      return Workloads.open(spec, options);
    }
  }

  /** Prints a JSON summary of a trace: jobs, tasks, span, resource totals and peaks, per role. */
  @Command(name = "stats", mixinStandardHelpOptions = true,
      description = "Print a JSON summary of a workload: jobs, tasks, time span, requested resources, per role.")
  static final class Stats implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    WorkloadArgs workload;

    @Override
    public Integer call() {
      try (Workload w = workload.open()) {
        spec.commandLine().getOut().println(TraceStats.json(w));
      }
      return 0;
    }
  }

  /** Writes a workload in the native JSON-lines format. */
  @Command(name = "convert", mixinStandardHelpOptions = true,
      description = "Write a workload in the native JSON-lines format (atomically).")
  static final class Convert implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    WorkloadArgs workload;

    @Option(names = "--out", required = true, paramLabel = "FILE.jsonl", description = "The file to write.")
    Path out;

    @Override
    public Integer call() {
      try (Workload w = workload.open()) {
        NativeFormat.write(w, out);
      }
      spec.commandLine().getOut().println("wrote " + out);
      return 0;
    }
  }
}
