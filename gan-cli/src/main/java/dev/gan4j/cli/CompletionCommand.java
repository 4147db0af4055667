package dev.gan4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gan4j completion}: prints the bash (and zsh) completion script of the whole command. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints a bash/zsh completion script for gan4j.",
            "Load it with: source <(gan4j completion), or save it to /etc/bash_completion.d/gan4j."})
public final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter printer = spec.commandLine().getOut();
        printer.print(AutoComplete.bash("gan4j", spec.root().commandLine()));
        printer.flush();
        return Gan4jCommand.OK;
    }
}
