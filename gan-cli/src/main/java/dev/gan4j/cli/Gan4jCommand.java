package dev.gan4j.cli;

import dev.gan4j.Gan4j;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code gan4j} command. Exit codes: {@value #OK} on success, {@value #FAILED} when a run fails
 * (its message, or with {@code --stacktrace} the stack trace, goes to standard error), {@value #USAGE}
 * for a usage error (picocli prints the message and the usage).
 *
 * <pre>
 * gan4j train --recipe dcgan --epochs 5 --out runs/mnist
 * gan4j generate runs/mnist/generator.gan4j --count 64 --out samples.png
 * </pre>
 */
@Command(name = "gan4j",
        mixinStandardHelpOptions = true,
        versionProvider = Gan4jCommand.Version.class,
        description = "Trains GANs, draws images from trained generators, exports them to ONNX and inspects"
                + " gan4j's files.",
        subcommands = {TrainCommand.class, ResumeCommand.class, GenerateCommand.class, ExportCommand.class,
            InspectCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 the run failed, 2 usage error. See docs/cli.md."})
public final class Gan4jCommand implements Runnable {

    /** The exit code of a command that did what it was asked. */
    public static final int OK = 0;
    /** The exit code of a run that failed: training stopped, a file could not be read or written. */
    public static final int FAILED = 1;
    /** The exit code of a usage error: an unknown option, a missing or bad value. */
    public static final int USAGE = 2;

    @Spec
    private CommandSpec spec;

    /** Whether a failure prints its stack trace; every subcommand inherits it. Default: off. */
    @Option(names = "--stacktrace", scope = ScopeType.INHERIT,
            description = "Print the stack trace of a failure, not only its message.")
    boolean stacktrace;

    /** Without a subcommand: a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    /**
     * Runs the command and exits with its code. DJL stays offline unless {@code ai.djl.offline} is set:
     * the PyTorch natives come with the command, so nothing is downloaded.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the command with {@code args} in this JVM and returns its exit code; for delegating programs.
     *
     * @param args the command line
     * @return the exit code: 0 success, 1 failed run, 2 usage error
     */
    public static int execute(String... args) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        return commandLine().execute(args);
    }

    /**
     * Returns the command line, with the failure handling that maps an exception to {@value #FAILED} and
     * its message; tests call {@link CommandLine#execute} on it with their own output writers.
     *
     * @return a new command line of the {@code gan4j} command
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Gan4jCommand());
        commandLine.setExecutionExceptionHandler(new Failure());
        commandLine.setParameterExceptionHandler(Gan4jCommand::usageError);
        return commandLine;
    }

    /**
     * Prints the message of a usage error, picocli's suggestions for a mistyped option, and the usage of
     * the (sub)command; returns {@value #USAGE}.
     */
    static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(commandLine.getColorScheme().errorText(e.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        commandLine.usage(err, commandLine.getColorScheme());
        err.flush();
        return USAGE;
    }

    /** Prints a failure's message (or with {@code --stacktrace} its stack trace) and returns {@value #FAILED}. */
    static final class Failure implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
            if (e instanceof CommandLine.ParameterException) {
                // A value only the builder could judge (TrainCommand.builder): a usage error all the same.
                return usageError((CommandLine.ParameterException) e, parseResult.originalArgs().toArray(new String[0]));
            }
            PrintWriter err = commandLine.getErr();
            if (parseResult.originalArgs().contains("--stacktrace")) {
                e.printStackTrace(err);
            } else {
                String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
                err.println(commandLine.getColorScheme().errorText("gan4j " + commandLine.getCommandName() + ": "
                        + message));
                err.println(String.format(Locale.ROOT, "(%s; --stacktrace shows where)", e.getClass().getSimpleName()));
            }
            err.flush();
            return FAILED;
        }
    }

    /** gan4j's version, from {@link Gan4j#version()}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gan4j " + Gan4j.version(), "Java " + Runtime.version() + ", "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
        }
    }
}
