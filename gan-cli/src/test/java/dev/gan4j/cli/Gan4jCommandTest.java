package dev.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gan4j.Gan4j;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command's surface: help, version, usage errors, failures and the completion script. */
class Gan4jCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Gan4jCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void helpListsTheSubcommandsAndExitCodes() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString()).contains("Usage: gan4j", "train", "resume", "generate", "export", "inspect",
                "completion", "Exit codes: 0 success, 1 the run failed, 2 usage error");
    }

    @Test
    void trainHelpShowsEveryDefault() {
        assertThat(run("train", "--help")).isZero();

        // picocli wraps the descriptions at 80 columns
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("--recipe=RECIPE", "Default: dcgan.", "--out=DIR", "Default: gan4j-out.",
                "Default: the recipe's (dcgan 36, keras 5).", "--seed=N", "Default: 42.", "Default: off.",
                "--quality-every=N", "Default: 6.", "--loss=LOSS",
                "nonSaturating, minimax, leastSquares, hinge, wasserstein, relativisticAverage, wassersteinGp",
                "--penalty=NAME:WEIGHT[:EVERY]", "--augment=POLICIES", "--instance-noise=SIGMA", "--label-flips=P",
                "--images=N", "--data=DIR", "--checkpoint-dir=DIR", "--lr-schedule=SCHEDULE", "Default: constant.");
    }

    @Test
    void versionIsGan4js() {
        assertThat(run("--version")).isZero();

        assertThat(out.toString()).startsWith("gan4j " + Gan4j.version() + System.lineSeparator());
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithTheUsage() {
        assertThat(run("train", "--epoch", "3")).isEqualTo(Gan4jCommand.USAGE);

        assertThat(err.toString()).contains("Unknown options: '--epoch', '3'", "Possible solutions: --epochs",
                "Usage: gan4j train");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aBadValueIsAUsageErrorWithGan4jsMessage() {
        assertThat(run("train", "--loss", "lsgan")).isEqualTo(Gan4jCommand.USAGE);

        assertThat(err.toString()).contains("Invalid value for option '--loss': loss must be one of nonSaturating,"
                + " minimax, leastSquares, hinge, wasserstein, relativisticAverage, wassersteinGp, got lsgan",
                "Usage: gan4j train");
    }

    @Test
    void aValueTheBuilderRefusesIsAUsageErrorWithItsMessage() {
        assertThat(run("train", "--d-steps", "0")).isEqualTo(Gan4jCommand.USAGE);

        assertThat(err.toString()).contains("discriminatorSteps must be in [1, 100], got 0", "Usage: gan4j train");
    }

    @Test
    void noSubcommandIsAUsageError() {
        assertThat(run()).isEqualTo(Gan4jCommand.USAGE);

        assertThat(err.toString()).contains("Missing subcommand", "Usage: gan4j");
    }

    @Test
    void impossibleSettingsFailTheRunWithTheirMessageAndNoStackTrace(@TempDir Path dir) {
        // hinge has no targets to flip: the builder refuses the pair before anything is written
        int code = run("train", "--loss", "hinge", "--label-flips", "0.05", "--out", dir.toString());

        assertThat(code).isEqualTo(Gan4jCommand.FAILED);
        assertThat(err.toString()).startsWith("gan4j train: labelFlips").contains("hinge").doesNotContain("\tat ");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void stacktraceShowsWhereARunFailed(@TempDir Path dir) {
        int code = run("generate", dir.resolve("missing.gan4j").toString(), "--stacktrace");

        assertThat(code).isEqualTo(Gan4jCommand.FAILED);
        assertThat(err.toString()).contains("NoSuchFileException", "\tat dev.gan4j.");
    }

    @Test
    void aMissingFileFailsWithItsName(@TempDir Path dir) {
        Path missing = dir.resolve("missing.gan4j");

        assertThat(run("inspect", missing.toString())).isEqualTo(Gan4jCommand.FAILED);
        assertThat(err.toString()).contains("gan4j inspect: " + missing);
    }

    @Test
    void completionPrintsABashScriptCompletingSubcommandsAndOptionValues() {
        assertThat(run("completion")).isZero();

        assertThat(out.toString()).contains("#!/usr/bin/env bash", "complete -F _complete_gan4j",
                "local commands=\"train resume generate export inspect completion",
                "local RECIPE_option_args=(\"dcgan\" \"keras\") # --recipe values",
                "local LOSS_option_args=(\"nonSaturating\" \"minimax\" \"leastSquares\" \"hinge\" \"wasserstein\""
                        + " \"relativisticAverage\" \"wassersteinGp\") # --loss values");
    }
}
