package dev.gan4j.internal.checkpoint;

/** What a resumed run checks against its checkpoint before it continues. */
public final class Resumption {

    private Resumption() {}

    /**
     * Returns where the run continues: after the checkpoint's step, in the next epoch if it was an
     * epoch's last.
     *
     * @throws IllegalArgumentException if the data set is not the size the run trained on
     */
    public static CheckpointState.Progress start(CheckpointFile.Contents checkpoint, int datasetSize, int stepsPerEpoch) {
        CheckpointState.DataPosition data = checkpoint.state().data();
        if (datasetSize != data.size()) {
            throw new IllegalArgumentException("the data set holds " + datasetSize + " images, but the run of "
                    + checkpoint.file() + " trained on " + data.size() + "; resume with the same data set");
        }
        CheckpointState.Progress progress = checkpoint.state().progress();
        if (stepsPerEpoch != progress.stepsPerEpoch()) {
            throw new IllegalArgumentException("the run of " + checkpoint.file() + " had " + progress.stepsPerEpoch()
                    + " steps per epoch, these settings give " + stepsPerEpoch);
        }
        return progress.next();
    }

    /**
     * Checks that the data set, of checksum {@code fingerprint} as the engine read it, holds the images
     * the run trained on.
     *
     * @throws IllegalArgumentException if their checksum differs
     */
    public static void checkData(CheckpointFile.Contents checkpoint, long fingerprint) {
        if (fingerprint != checkpoint.state().data().fingerprint()) {
            throw new IllegalArgumentException("the data set's images differ from those the run of " + checkpoint.file()
                    + " trained on (their checksums differ); resume with the same data set, in the same order");
        }
    }
}
