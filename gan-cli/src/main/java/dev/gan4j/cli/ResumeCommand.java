package dev.gan4j.cli;

import dev.gan4j.data.ImageDataset;
import dev.gan4j.health.HealthPolicy;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.ResumeBuilder;
import dev.gan4j.train.listener.MetricsFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gan4j resume DIR}: continues a run from the newest checkpoint in DIR (or from a checkpoint
 * file) with {@link GanTrainer#resume}, every setting from the checkpoint; writes what {@code train}
 * writes into {@code --out}. The data must be the run's: the same {@code --data} and {@code --images}.
 */
@Command(name = "resume", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Continues a run from the newest checkpoint in DIR (or a checkpoint file), bit-exactly on"
                + " a CPU; give it the run's data (--data, --images) again."},
        footer = {"", "Example: gan4j resume runs/mnist/checkpoints --epochs 40 --out runs/mnist"})
public final class ResumeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The checkpoint directory, or one checkpoint file.")
    Path from;

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--epochs", paramLabel = "N", converter = Converters.Positive.class,
            description = "The run's epochs in all, to train longer. Default: the checkpoint's.")
    Integer epochs;

    @Option(names = "--skip-corrupt", paramLabel = "on|off", defaultValue = "off",
            description = "Resume from the newest checkpoint that reads back whole, skipping damaged newer ones."
                    + " Default: ${DEFAULT-VALUE}.")
    Switch skipCorrupt;

    @Override
    public Integer call() throws IOException {
        PrintWriter printer = spec.commandLine().getOut();
        ImageDataset images = data.read();
        ResumeBuilder resume = GanTrainer.resume(from).skipCorrupt(skipCorrupt.isOn());
        if (epochs != null) {
            resume.epochs(epochs);
        }
        if (!run.health.isOn()) {
            resume.health(HealthPolicy.off());
        }
        MetricsFile metrics = MetricsFile.csv(run.out.resolve("metrics.csv"));
        RunOutputs.listeners(run.out, metrics).forEach(resume::listener);
        GanTrainer trainer = resume.build();
        printer.printf("resuming %s: %d epochs, batch %d, loss %s, seed %d%n", from, trainer.config().epochs(),
                trainer.config().batchSize(), trainer.config().loss().describe(), trainer.config().seed());
        printer.flush();
        RunOutputs.train(trainer, images, run.out, metrics, null, spec.commandLine());
        return Gan4jCommand.OK;
    }
}
