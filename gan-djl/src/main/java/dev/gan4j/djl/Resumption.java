package dev.gan4j.djl;

/** What a resumed run checks against its checkpoint, and restores from it. */
final class Resumption {

    private Resumption() {}

    /**
     * Returns where the run continues: after the checkpoint's step, in the next epoch if it was an
     * epoch's last.
     *
     * @throws IllegalArgumentException if the data set is not the size the run trained on
     */
    static CheckpointState.Progress start(CheckpointFile.Contents checkpoint, int datasetSize, int stepsPerEpoch) {
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
     * Checks that {@code dataset} holds the images the run trained on.
     *
     * @throws IllegalArgumentException if their checksum differs
     */
    static void checkData(CheckpointFile.Contents checkpoint, DeviceDataset dataset) {
        if (dataset.fingerprint() != checkpoint.state().data().fingerprint()) {
            throw new IllegalArgumentException("the data set's images differ from those the run of " + checkpoint.file()
                    + " trained on (their checksums differ); resume with the same data set, in the same order");
        }
    }

    /** Loads the optimisers' state, the generator's average and the position in the data order. */
    static void restore(CheckpointFile.Contents checkpoint, AdversarialStep step, GeneratorAverage average,
            DeviceDataset dataset) {
        CheckpointState state = checkpoint.state();
        step.generatorOptimizer().load(state.generatorAdam());
        step.discriminatorOptimizer().load(state.discriminatorAdam());
        if (average != null) {
            average.load(state.average(), state.averageUpdates());
        }
        dataset.seek(state.data().pass(), state.data().position());
    }
}
