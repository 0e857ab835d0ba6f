package io.offerlab.realruntime.agent;

import io.offerlab.realruntime.cgroups.TaskContainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.mesos.v1.Protos.CommandInfo;

/**
 * Starts a task's command as a real process in its sandbox, with {@code stdout} and {@code stderr} files, already
 * inside its cgroups when it execs: Java's {@code ProcessBuilder} cannot join a cgroup between fork and exec, so the
 * process starts as a small {@code sh} prelude that writes its own pid to each {@code cgroup.procs} file and then
 * execs the command (ARCHITECTURE.md 7.2). A prelude that cannot join exits 125 before running anything.
 */
final class TaskProcess {
  /** The prelude's exit status when it could not join a cgroup. */
  static final int PRELUDE_FAILED = 125;
  private static final String PRELUDE =
      "n=$1; shift; while [ \"$n\" -gt 0 ]; do echo $$ > \"$1\" || exit " + PRELUDE_FAILED
          + "; shift; n=$((n-1)); done; exec \"$@\"";

  private TaskProcess() {
  }

  /** Return the argv of a Mesos command: {@code sh -c value} when shell (the default), else value then arguments. */
  static List<String> commandArgv(CommandInfo command) {
    if (!command.hasValue() || command.getValue().isEmpty()) {
      throw new IllegalArgumentException("command.value: expected a command, found nothing");
    }
    var argv = new ArrayList<String>();
    if (command.getShell()) {
      argv.add("/bin/sh");
      argv.add("-c");
      argv.add(command.getValue());
    } else {
      argv.add(command.getValue());
      if (command.getArgumentsCount() > 0) {
        argv.addAll(command.getArgumentsList().subList(1, command.getArgumentsCount()));
      }
    }
    return argv;
  }

  /** Start {@code argv} in {@code sandbox} inside {@code container}, with {@code env} added to the agent's. */
  static Process start(List<String> argv, Path sandbox, TaskContainer container, Map<String, String> env)
      throws IOException {
    var full = new ArrayList<String>();
    List<String> procs = container.procsFiles();
    full.add("/bin/sh");
    full.add("-c");
    full.add(PRELUDE);
    full.add("offerlab-prelude");
    full.add(Integer.toString(procs.size()));
    full.addAll(procs);
    full.addAll(argv);
    var builder = new ProcessBuilder(full)
        .directory(sandbox.toFile())
        .redirectOutput(sandbox.resolve("stdout").toFile())
        .redirectError(sandbox.resolve("stderr").toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().putAll(env);
    return builder.start();
  }
}
