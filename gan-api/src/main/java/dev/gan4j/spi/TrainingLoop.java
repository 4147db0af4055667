package dev.gan4j.spi;

import dev.gan4j.Gan4j;
import dev.gan4j.data.ImageDataset;
import dev.gan4j.internal.checkpoint.CheckpointDirectory;
import dev.gan4j.internal.checkpoint.CheckpointFile;
import dev.gan4j.internal.checkpoint.CheckpointState;
import dev.gan4j.internal.checkpoint.Resumption;
import dev.gan4j.internal.random.Seeds;
import dev.gan4j.train.Checkpointing;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanException;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.Provenance;
import dev.gan4j.train.TrainedGan;
import dev.gan4j.train.TrainingCancelledException;
import dev.gan4j.train.listener.EpochSummary;
import dev.gan4j.train.listener.StepMetrics;
import dev.gan4j.train.listener.StepProfile;
import dev.gan4j.train.listener.TrainingControl;
import dev.gan4j.train.listener.TrainingListener;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training loop above the engine, the same for every engine: epochs and steps, the seed of each
 * step, listener calls, health, checkpoint timing and files, resumption and provenance. It drives a
 * {@link TrainingSession} that the engine ({@link GanTrainerProvider#open}) opens for the run, as
 * Keras's trainer drives a backend's {@code train_step}.
 *
 * <p>{@link GanTrainer#builder()} and {@link GanTrainer#resume(Path)} return instances; engines have
 * no need to create one.
 */
public final class TrainingLoop implements GanTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);

    private final GanConfig config;
    private final GanTrainerProvider engine;
    private final CheckpointFile.Contents resumed;
    private final CheckpointDirectory.Ownership run;

    private TrainingLoop(GanConfig config, GanTrainerProvider engine, CheckpointFile.Contents resumed,
            CheckpointDirectory.Ownership run) {
        this.config = config;
        this.engine = engine;
        this.resumed = resumed;
        this.run = run;
    }

    /**
     * Returns a trainer of a new run with validated settings on {@code engine}, with a new run id.
     *
     * @param config the run's settings
     * @param engine the engine that trains
     * @return a trainer of a new run with validated settings on {@code engine}, with a new run id
     * @throws IllegalStateException if the checkpoint directory holds another run's checkpoints and
     *     they are not to be set aside
     * @throws GanException if the checkpoint directory cannot be read
     */
    public static GanTrainer trainer(GanConfig config, GanTrainerProvider engine) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(engine, "engine");
        CheckpointDirectory.Ownership run = new CheckpointDirectory.Ownership(UUID.randomUUID().toString(), false);
        checkOtherRuns(config, 0, run);
        return new TrainingLoop(config, engine, null, run);
    }

    /**
     * Reads a checkpoint and returns a trainer that continues its run on {@code engine}; see {@link
     * dev.gan4j.train.ResumeBuilder}. The run keeps its id; a run resumed from a checkpoint of gan4j
     * 0.1.0, which had none, gets a new one, and the other 0.1.0 checkpoints in that directory count as
     * its own.
     *
     * @param path a checkpoint file, or a directory whose newest checkpoint is meant
     * @param skipCorrupt whether to fall back to the newest good checkpoint before a bad one, and set
     *     damaged checkpoints newer than the one resumed from aside
     * @param overrides applied to a builder holding the checkpoint's settings (listeners, epochs...)
     * @param engine the engine that trains
     * @return a trainer that continues its run on {@code engine}; see {@link dev.gan4j.train.ResumeBuilder}
     * @throws IOException if no checkpoint can be read; {@link
     *     dev.gan4j.train.CorruptCheckpointException} if damaged
     * @throws IllegalArgumentException if the overridden epochs end before the checkpoint's epoch
     * @throws IllegalStateException if the checkpoint directory holds checkpoints of the run after its
     *     step, or another run's checkpoints that are not to be set aside
     */
    public static GanTrainer resume(GanTrainerProvider engine, Path path, boolean skipCorrupt,
            Consumer<GanTrainer.Builder> overrides) throws IOException {
        CheckpointFile.Contents checkpoint = CheckpointDirectory.choose(path, skipCorrupt);
        GanTrainer.Builder settings = checkpoint.builder();
        overrides.accept(settings);
        GanConfig config = settings.config();
        CheckpointState.Progress progress = checkpoint.state().progress();
        if (config.epochs() < progress.epoch()) {
            throw new IllegalArgumentException("epochs " + config.epochs() + " ends before epoch " + progress.epoch()
                    + " of checkpoint " + checkpoint.file() + "; give at least " + progress.epoch());
        }
        Path dir = config.checkpoints().directory();
        boolean unnamed = checkpoint.runId().isEmpty();
        CheckpointDirectory.Ownership run = new CheckpointDirectory.Ownership(
                unnamed ? UUID.randomUUID().toString() : checkpoint.runId(),
                unnamed && sameDirectory(checkpoint.file().toAbsolutePath().getParent(), dir));
        checkOtherRuns(config, progress.globalStep(), run);
        CheckpointDirectory.checkNothingAfter(dir, progress.globalStep(), run, skipCorrupt);
        return new TrainingLoop(config, engine, checkpoint, run);
    }

    private static void checkOtherRuns(GanConfig config, long start, CheckpointDirectory.Ownership run) {
        Checkpointing policy = config.checkpoints();
        if (!policy.enabled()) {
            return;
        }
        try {
            CheckpointDirectory.checkOtherRuns(policy.directory(), start, run, policy.setAsideOtherRuns());
        } catch (IOException e) {
            throw new GanException("checkpointDir " + policy.directory() + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean sameDirectory(Path a, Path b) throws IOException {
        return Files.isDirectory(a) && Files.isDirectory(b) ? Files.isSameFile(a, b) : a.equals(b);
    }

    /**
     * Returns this run's id: new for a new run, the checkpoint's for a resumed one.
     *
     * @return this run's id: new for a new run, the checkpoint's for a resumed one
     */
    public String runId() {
        return run.runId();
    }

    /**
     * Checks that {@code data} fits {@code config}, before any engine runs.
     *
     * @throws IllegalArgumentException saying what does not fit
     */
    static void checkDataset(GanConfig config, ImageDataset data) {
        Objects.requireNonNull(data, "data");
        if (!data.imageShape().equals(config.generator().outputShape())) {
            throw new IllegalArgumentException(
                    "dataset images have shape " + data.imageShape() + " but the generator makes "
                            + config.generator().outputShape() + "; build the specs for " + data.imageShape());
        }
        config.stepsPerEpochFor(data.size());
        DatasetChecks.check(config, data);
    }

    /**
     * Returns the checkpoint file this trainer continues from, or empty for a new run.
     *
     * @return the checkpoint file this trainer continues from, or empty for a new run
     */
    public Optional<Path> resumedFrom() {
        return resumed == null ? Optional.empty() : Optional.of(resumed.file());
    }

    /**
     * Returns the global step of the checkpoint this trainer continues from, or 0 for a new run.
     *
     * @return the global step of the checkpoint this trainer continues from, or 0 for a new run
     */
    public long resumedStep() {
        return resumed == null ? 0 : resumed.state().progress().globalStep();
    }

    @Override
    public GanConfig config() {
        return config;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Whatever ends the run early (any {@link Throwable}: an engine failure, a health stop, a
     * listener's exception or error, a cancellation) is told to every listener's {@link
     * TrainingListener#onTrainingFailed} after the engine's memory is released, and then rethrown as it
     * was.
     */
    @Override
    public TrainedGan train(ImageDataset data) {
        try {
            return run(data);
        } catch (Throwable e) {
            for (TrainingListener l : config.listeners()) {
                try {
                    l.onTrainingFailed(e);
                } catch (Throwable inListener) {
                    e.addSuppressed(inListener);
                }
            }
            if (e instanceof TrainingCancelledException) {
                // Cleared so the final checkpoint and the listeners' files could be written; the caller
                // that interrupted the thread expects to find the status set.
                Thread.currentThread().interrupt();
            }
            throw e;
        }
    }

    private TrainedGan run(ImageDataset data) {
        checkDataset(config, data);
        int stepsPerEpoch = config.stepsPerEpochFor(data.size());
        CheckpointState.Progress start = resumed != null
                ? Resumption.start(resumed, data.size(), stepsPerEpoch)
                : CheckpointState.Progress.START;
        Checkpointer.prepare(config, start, run);
        Optional<SessionState> resumeFrom = resumed == null ? Optional.empty() : Optional.of(resumed.state().session());
        try (TrainingSession session = engine.open(config, data, resumeFrom)) {
            if (resumed != null) {
                Resumption.checkData(resumed, session.dataFingerprint());
            }
            for (TrainingListener l : config.listeners()) {
                l.onTrainingStart(config, data.size());
            }
            LOG.info("training {} on {} images: {} epochs of {} steps, batch {}, seed {}, on {} ({}); health {}",
                    config.generator().recipe(), data.size(), config.epochs(), stepsPerEpoch, config.batchSize(),
                    config.seed(), session.device(), session.engine(), config.health().isOff() ? "off" : "on");
            long began = System.nanoTime();
            Checkpointer checkpointer = config.checkpoints().enabled()
                    ? new Checkpointer(config, session, data.size(), run)
                    : null;
            Control control = new Control();
            long globalStep = loop(session, stepsPerEpoch, start, checkpointer, control);
            LOG.info(String.format(Locale.ROOT, "trained %d steps in %.1f s", globalStep - start.globalStep(),
                    (System.nanoTime() - began) / 1e9));
            return result(session, globalStep, stepsPerEpoch, data.size());
        }
    }

    private long loop(TrainingSession session, int stepsPerEpoch, CheckpointState.Progress start,
            Checkpointer checkpointer, Control control) {
        long globalStep = start.globalStep();
        CheckpointState.Progress done = null; // the last step made in this call, none yet
        TrainingHealth health = new TrainingHealth(config, this::lastCheckpointBefore);
        for (int epoch = start.epoch(); epoch <= config.epochs() && control.goOn(); epoch++) {
            int firstStep = epoch == start.epoch() ? start.stepInEpoch() + 1 : 1;
            int imagesPerStep = config.batchSize() * config.discriminatorSteps();
            long epochStart = System.nanoTime();
            long lastReport = epochStart;
            int lastReportStep = firstStep - 1;
            List<StepMetrics> reported = new ArrayList<>();
            try {
                for (TrainingListener l : config.listeners()) {
                    l.onEpochStart(epoch, stepsPerEpoch);
                }
            } catch (Throwable t) {
                throw cancelledOr(t, checkpointer, done);
            }
            int s = firstStep;
            for (; s <= stepsPerEpoch && control.goOn(); s++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw cancelledOr(null, checkpointer, done);
                }
                globalStep++;
                boolean measure = s % config.logEvery() == 0 || s == stepsPerEpoch;
                StepMeasurement m;
                try {
                    m = session.step(Seeds.forStep(config.seed(), globalStep), measure);
                } catch (RuntimeException e) {
                    if (interruption(e)) {
                        // The step may have stopped half way: its state is not checkpointed.
                        Thread.interrupted();
                        throw new TrainingCancelledException(globalStep - 1,
                                checkpointer == null ? null : checkpointer.newest(), e);
                    }
                    throw new GanException(
                            "training step failed at epoch " + epoch + ", step " + s + " (global step " + globalStep
                                    + "): " + e.getMessage(), e);
                }
                done = new CheckpointState.Progress(epoch, s, globalStep, stepsPerEpoch);
                try {
                    if (m != null) {
                        long now = System.nanoTime();
                        double images = (double) (s - lastReportStep) * imagesPerStep;
                        StepMetrics metrics = new StepMetrics(epoch, s, stepsPerEpoch, globalStep,
                                m.discriminatorLoss(), m.generatorLoss(), m.realScore(), m.fakeScore(),
                                m.realAccuracy(), m.fakeAccuracy(), m.foolRate(), images / ((now - lastReport) / 1e9),
                                m.generatorGradientNorm(), m.discriminatorGradientNorm(), m.fakeDiversity(),
                                m.realDiversity(), m.gradientPenalty());
                        StepPhases phases = session.drainPhases();
                        StepProfile profile = phases == null ? null : new StepProfile(globalStep, s - lastReportStep,
                                phases.data(), phases.discriminator(), phases.generator(), phases.metrics(),
                                (now - lastReport) / 1e9, phases.hostCopies());
                        lastReport = now;
                        lastReportStep = s;
                        reported.add(metrics);
                        for (TrainingListener l : config.listeners()) {
                            l.onStep(metrics, control);
                            if (profile != null) {
                                l.onProfile(profile);
                            }
                        }
                        if (LOG.isDebugEnabled()) {
                            LOG.debug("global step {}: {}", globalStep, describe(metrics));
                        }
                        health.check(metrics);
                    }
                    if (checkpointer != null) {
                        boolean last = epoch == config.epochs() && s == stepsPerEpoch;
                        Path file = checkpointer.afterStep(done, last);
                        if (file != null) {
                            for (TrainingListener l : config.listeners()) {
                                l.onCheckpoint(file, globalStep);
                            }
                        }
                    }
                } catch (Throwable t) {
                    throw cancelledOr(t, checkpointer, done);
                }
            }
            int steps = s - firstStep;
            double seconds = (System.nanoTime() - epochStart) / 1e9;
            double epochImagesPerSecond = (double) steps * imagesPerStep / seconds;
            EpochSummary summary = new EpochSummary(epoch, config.epochs(), globalStep,
                    StepMetrics.mean(reported, epochImagesPerSecond), seconds, session.currentGenerator());
            try {
                for (TrainingListener l : config.listeners()) {
                    l.onEpochEnd(summary, control);
                }
            } catch (Throwable t) {
                throw cancelledOr(t, checkpointer, done);
            }
            if (LOG.isInfoEnabled()) {
                LOG.info(String.format(Locale.ROOT, "epoch %d/%d: %d steps in %.1f s, %.0f images/s; means %s",
                        epoch, config.epochs(), steps, seconds, summary.mean().samplesPerSecond(),
                        describe(summary.mean())));
            }
        }
        if (!control.goOn()) {
            LOG.info("training stopped after global step {} at a listener's request: {}", globalStep,
                    control.stopReason().orElseThrow());
            if (checkpointer != null && done != null && !checkpointer.wroteLast(done.globalStep())) {
                Path file = checkpointer.finalCheckpoint(done);
                for (TrainingListener l : config.listeners()) {
                    l.onCheckpoint(file, globalStep);
                }
            }
        }
        return globalStep;
    }

    /**
     * Returns the exception that ends the run for {@code failure}: a {@link TrainingCancelledException}
     * if the thread was interrupted (the status, or an exception the interrupt caused, such as a file
     * channel closed by it), after a final checkpoint of {@code done} has been written; else {@code
     * failure} itself, unchecked as it came.
     *
     * @param failure what a listener, the health check or the checkpoint threw; {@code null} if the
     *     loop saw the interrupt status between steps
     * @param done the last step made, whose state the session holds; {@code null} if none was made
     */
    private RuntimeException cancelledOr(Throwable failure, Checkpointer checkpointer,
            CheckpointState.Progress done) {
        if (failure != null && !interruption(failure)) {
            throw TrainingLoop.<RuntimeException>rethrow(failure);
        }
        Thread.interrupted(); // so that the final checkpoint can be written
        long steps = done != null ? done.globalStep() : resumedStep();
        Path last = null;
        if (checkpointer != null) {
            try {
                last = done != null ? checkpointer.finalCheckpoint(done) : checkpointer.newest();
            } catch (RuntimeException e) {
                last = checkpointer.newest();
                TrainingCancelledException cancelled = new TrainingCancelledException(steps, last, failure);
                cancelled.addSuppressed(e);
                return cancelled;
            }
        }
        LOG.warn("training cancelled after global step {}{}", steps,
                last == null ? "; checkpoints are off" : "; last checkpoint " + last);
        return new TrainingCancelledException(steps, last, failure);
    }

    /**
     * Whether {@code t} came of an interrupt: the thread's status is set, or {@code t} or a cause is one
     * of the exceptions an interrupt raises. A socket timeout, an {@code InterruptedIOException} too,
     * is not.
     */
    static boolean interruption(Throwable t) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InterruptedException || c instanceof ClosedByInterruptException
                    || (c instanceof InterruptedIOException && !(c instanceof SocketTimeoutException))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Throws {@code t} as it is, checked or not: a listener may throw a checked exception its
     * signature hides, and it must reach the caller unchanged.
     */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException rethrow(Throwable t) throws T {
        throw (T) t;
    }

    /** The run's {@link TrainingControl}: a stop asked for by a listener, read at each step boundary. */
    private static final class Control implements TrainingControl {
        private String reason;

        @Override
        public void stop(String reason) {
            Objects.requireNonNull(reason, "reason");
            if (this.reason == null) {
                this.reason = reason;
            }
        }

        @Override
        public Optional<String> stopReason() {
            return Optional.ofNullable(reason);
        }

        boolean goOn() {
            return reason == null;
        }
    }

    /**
     * Copies the trained generator out of the session, which is closed after, and tells the listeners.
     * If a listener fails, the copy is closed before the failure propagates: nobody else holds it.
     */
    private TrainedGan result(TrainingSession session, long steps, int stepsPerEpoch, int datasetSize) {
        Provenance provenance = Provenance.of(config, steps, stepsPerEpoch, datasetSize, session.dataFingerprint(),
                session.engine(), session.device(), Gan4j.version(), Instant.now(), run.runId());
        TrainedGan trained = session.finish(provenance);
        try {
            for (TrainingListener l : config.listeners()) {
                l.onTrainingEnd(provenance);
            }
        } catch (RuntimeException | Error e) {
            trained.close();
            throw e;
        }
        return trained;
    }

    /** The metrics in one line, for the log. */
    private static String describe(StepMetrics m) {
        return String.format(Locale.ROOT,
                "d_loss %.4f g_loss %.4f D(x) %.3f D(G(z)) %.3f d_acc real %.2f fake %.2f fool %.2f"
                        + " grad_norm G %.3g D %.3g diversity fake %.2f real %.2f",
                m.discriminatorLoss(), m.generatorLoss(), m.realScore(), m.fakeScore(), m.realAccuracy(),
                m.fakeAccuracy(), m.foolRate(), m.generatorGradientNorm(), m.discriminatorGradientNorm(),
                m.fakeDiversity(), m.realDiversity());
    }

    /**
     * Returns the newest checkpoint of this run written before global step {@code beforeStep}, for a
     * health stop to point at, or {@code null} when there is none.
     */
    private Path lastCheckpointBefore(long beforeStep) {
        if (!config.checkpoints().enabled()) {
            return null;
        }
        try {
            Path last = null;
            for (CheckpointDirectory.Entry e : CheckpointDirectory.list(config.checkpoints().directory())) {
                if (e.step() < beforeStep) {
                    last = e.file();
                }
            }
            return last;
        } catch (IOException e) {
            LOG.warn("cannot list checkpoints in {}: {}", config.checkpoints().directory(), e.toString());
            return null;
        }
    }
}
