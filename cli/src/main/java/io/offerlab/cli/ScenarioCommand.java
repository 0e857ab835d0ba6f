package io.offerlab.cli;

import io.offerlab.allocators.scenario.ScenarioRunner;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code offerlab scenario FILE.json}: runs an allocator conformance scenario and prints its result JSON. */
@Command(name = "scenario", mixinStandardHelpOptions = true,
    description = "Run an allocator scenario (JSON steps) and print the offers of each allocate step as JSON.")
final class ScenarioCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.json", description = "The scenario file.")
  Path file;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(ScenarioRunner.run(file));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
