package dev.gan4j.spi;

import dev.gan4j.train.Generator;
import dev.gan4j.train.Provenance;
import dev.gan4j.train.TrainedGan;

/**
 * One training run on one engine: the narrow per-step interface {@link TrainingLoop} drives. The loop
 * owns everything that is the same on every engine (epochs, listeners, health, checkpoint timing and
 * files, provenance, the seeds of each step); a session owns the networks, the optimisers, the data on
 * the device and the native memory. Sessions are used from the training thread only.
 *
 * <p>Opened by {@link GanTrainerProvider#open}; the session has created or restored both networks, put
 * the data where it trains from and seeded the initial weights from the run's seed.
 */
public interface TrainingSession extends AutoCloseable {

    /**
     * Returns the engine's description for provenance, e.g. {@code DJL 0.36.0 / PyTorch 2.7.1}.
     *
     * @return the engine's description for provenance
     */
    String engine();

    /**
     * Returns the device trained on, e.g. {@code cpu()}.
     *
     * @return the device trained on
     */
    String device();

    /**
     * Returns a checksum of the training images as the engine read them, which checkpoints keep so
     * that a resumed run refuses other data.
     *
     * @return a checksum of the training images as the engine read them, which checkpoints keep so that a
     *     resumed run refuses other data
     */
    long dataFingerprint();

    /**
     * Runs one training step: {@code discriminatorSteps} discriminator updates on fresh batches, one
     * generator update and, with a moving average of the generator, its update.
     *
     * @param seed the seed of every random draw of this step (latents, dropout), from which the step
     *     must draw alone: it is what makes a resumed run exact
     * @param measure whether to measure the step
     * @return the measurement when {@code measure}, else {@code null}
     * @throws RuntimeException whatever the engine throws; the loop names the step
     */
    StepMeasurement step(long seed, boolean measure);

    /**
     * Returns where the time went since the last call, or {@code null} unless profiling was asked for.
     *
     * @return where the time went since the last call, or {@code null} unless profiling was asked for
     */
    StepPhases drainPhases();

    /**
     * Returns the generator as trained so far (its moving average if there is one) for epoch listeners,
     * valid until the next step and owned by the session: callers must not close it.
     *
     * @return the generator as trained so far (its moving average if there is one) for epoch listeners, valid
     *     until the next step and owned by the session: callers must not close it
     */
    Generator currentGenerator();

    /**
     * Copies the state a checkpoint needs to the host (a device synchronisation on a GPU).
     *
     * @return the session's state on the host, for a checkpoint
     */
    SessionState snapshot();

    /**
     * Copies the trained generator (its moving average if there is one) out of the session, into memory
     * the returned object owns, so that the session can be closed.
     *
     * @param provenance where the generator came from
     * @return the trained generator, in memory the session no longer owns
     */
    TrainedGan finish(Provenance provenance);

    /** Releases the session's native memory; the result of {@link #finish} stays usable. */
    @Override
    void close();
}
