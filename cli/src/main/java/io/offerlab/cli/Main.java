package io.offerlab.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code offerlab} program: parses the command line, runs a subcommand and maps failures to exit codes. */
@Command(
    name = "offerlab",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Discrete-event simulator and allocator benchmark for Mesos-style offer-based scheduling.",
    subcommands = {
        ScenarioCommand.class,
        SimulateCommand.class,
        TraceCommand.class,
        BenchCommand.class,
        CompareCommand.class,
        DemoCommand.class,
        ReportCommand.class,
        SweepCommand.class,
        MasterCommand.class,
        AgentCommand.class,
        ExecuteCommand.class,
        ReplayCommand.class,
        FidelityCommand.class,
        ReproduceCommand.class,
    })
public final class Main implements Runnable {
  /** Exit code for bad usage or bad input. */
  public static final int BAD_INPUT = 2;
  /** Exit code for an internal error. */
  public static final int INTERNAL_ERROR = 1;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: expected one of "
        + spec.subcommands().keySet());
  }

  /** Runs the program and exits with its code. */
  public static void main(String[] args) {
    System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the program with the given streams and returns the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      Throwable cause = e;
      if (cause instanceof UncheckedIOException io) {
        cause = io.getCause();
      }
      if (cause instanceof IllegalArgumentException || cause instanceof NoSuchFileException) {
        String message = cause instanceof NoSuchFileException ? cause.getMessage() + ": no such file" : cause.getMessage();
        commandLine.getErr().println("offerlab: " + firstLine(message));
        return BAD_INPUT;
      }
      commandLine.getErr().println("offerlab: internal error: " + e);
      e.printStackTrace(commandLine.getErr());
      return INTERNAL_ERROR;
    });
    cli.setParameterExceptionHandler((e, a) -> {
      e.getCommandLine().getErr().println("offerlab: " + firstLine(e.getMessage()));
      e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName()
          + " --help' for usage.");
      return BAD_INPUT;
    });
    return cli.execute(args);
  }

  private static String firstLine(String message) {
    return message == null ? "bad input" : message.lines().findFirst().orElse(message);
  }

  /** Prints the Offerlab version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"offerlab " + (version == null ? "0.1.0-SNAPSHOT" : version)};
    }
  }
}
