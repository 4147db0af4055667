package dev.gan4j.djl;

import dev.gan4j.internal.checkpoint.CheckpointDirectory;
import dev.gan4j.train.GanTrainer;
import java.nio.file.Path;

/**
 * A child JVM for {@link KillDuringCheckpointTest}: trains a tiny GAN for a long time with a checkpoint
 * after every step, resuming the run in the directory if there is one, until it is killed.
 */
public final class CheckpointingChild {

    private CheckpointingChild() {}

    /** Trains into the checkpoint directory {@code args[0]}. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        GanTrainer trainer = CheckpointDirectory.list(dir).isEmpty()
                ? Runs.builder(dir).epochs(100_000).checkpointEvery(1).keepCheckpoints(3).build()
                : GanTrainer.resume(dir).build();
        trainer.train(Runs.DATA).close();
    }
}
