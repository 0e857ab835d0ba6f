package io.offerlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs the {@code offerlab} program in-process for the command tests and keeps what it
 * printed.
 *
 * @param code the exit code
 * @param out standard output
 * @param err standard error
 */
record CliRun(int code, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** The small workload the command tests use: 3 frameworks, 60 jobs, about 4 simulated minutes. */
  static final String[] SMALL = {"--workload", "synthetic:poisson", "--workload-option", "synthetic.jobs=60",
      "--workload-option", "synthetic.frameworks=3", "--workload-option", "synthetic.rate=0.25",
      "--workload-option", "synthetic.tasksPerJob=6", "--workload-option", "synthetic.tasksDist=exponential",
      "--cluster", "uniform:6:cpus:4;mem:16384"};
}
