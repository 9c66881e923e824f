package dev.x2s.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code x2s} command: a thin list of subcommands, each in its own class. */
@Command(
    name = "x2s",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Static word embeddings distilled from contextual models.",
    subcommands = {
      EvalCommand.class,
      EmbedCommand.class,
      NeighborsCommand.class,
      ConvertCommand.class,
      CombineCommand.class,
      PcCommand.class,
      AnalyzeCommand.class,
      DistillCommand.class,
      BaselineCommand.class,
      QuickstartCommand.class,
      TokenizeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line (exit codes: 0 ok, 2 usage error, 1 failure). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          while ((e instanceof java.io.UncheckedIOException
                  || e instanceof java.util.concurrent.ExecutionException)
              && e.getCause() != null) {
            e = (Exception) e.getCause();
          }
          if (e instanceof CommandLine.ParameterException) {
            // a bad option value found while running (e.g. --dtype) is a usage error, as at parse time
            cmd.getErr().println("x2s: " + e.getMessage());
            cmd.getErr().println("Try 'x2s " + cmd.getCommandName() + " --help'.");
            return cmd.getCommandSpec().exitCodeOnInvalidInput();
          }
          cmd.getErr().println("x2s: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
          if (System.getenv("X2S_DEBUG") != null) {
            e.printStackTrace(cmd.getErr());
          }
          return 1;
        });
    return cl;
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  /** {@code x2s --version}: the version every provenance file records ({@link dev.x2s.jobs.Version}). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"x2s " + dev.x2s.jobs.Version.x2s()};
    }
  }
}
