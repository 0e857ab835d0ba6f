package io.offerlab.cli;

import io.offerlab.realruntime.framework.Execute;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code offerlab execute}: a mesos-execute-like framework; exit 0 when every task finished, 1 otherwise, 2 on bad usage. */
@Command(name = "execute", mixinStandardHelpOptions = true,
    description = "Run a shell command as tasks through a master's scheduler API, like mesos-execute. "
        + "Exit 0 when every task finished, 1 when any failed, was killed, errored or was lost, 2 on bad usage.")
final class ExecuteCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--master", required = true, paramLabel = "HOST:PORT", description = "The master.")
  String master;

  @Option(names = "--command", required = true, paramLabel = "CMD", description = "The shell command of each task.")
  String command;

  @Option(names = "--cpus", defaultValue = "0.1", description = "CPUs per task (default: ${DEFAULT-VALUE}).")
  double cpus;

  @Option(names = "--mem", defaultValue = "32", description = "Memory per task in MB (default: ${DEFAULT-VALUE}).")
  double mem;

  @Option(names = "--instances", defaultValue = "1", description = "How many tasks (default: ${DEFAULT-VALUE}).")
  int instances;

  @Option(names = "--name", defaultValue = "offerlab-execute", description = "Task name and id prefix (default: ${DEFAULT-VALUE}).")
  String name;

  @Override
  public Integer call() throws Exception {
    var options = new Execute.Options(master, command, cpus, mem, instances, name, 5);
    var out = spec.commandLine().getOut();
    var execute = new Execute(options, out);
    Thread teardown = new Thread(execute::teardownIfRunning, "offerlab-execute-teardown");
    Runtime.getRuntime().addShutdownHook(teardown);
    try {
      Execute.Result result = execute.run();
      out.print(Execute.summary(result));
      out.flush();
      return result.exitCode();
    } catch (IOException e) {
      execute.teardownIfRunning();
      spec.commandLine().getErr().println("offerlab execute: cannot run against " + master + ": "
          + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
      return 1;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(teardown);
      } catch (IllegalStateException e) {
        // shutting down already: the hook runs
      }
    }
  }
}
