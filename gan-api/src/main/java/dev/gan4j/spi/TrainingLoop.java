package dev.gan4j.spi;

import dev.gan4j.Gan4j;
import dev.gan4j.data.ImageDataset;
import dev.gan4j.internal.checkpoint.CheckpointDirectory;
import dev.gan4j.internal.checkpoint.CheckpointFile;
import dev.gan4j.internal.checkpoint.CheckpointState;
import dev.gan4j.internal.checkpoint.Resumption;
import dev.gan4j.internal.random.Seeds;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanException;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.Provenance;
import dev.gan4j.train.TrainedGan;
import dev.gan4j.train.listener.EpochSummary;
import dev.gan4j.train.listener.StepMetrics;
import dev.gan4j.train.listener.StepProfile;
import dev.gan4j.train.listener.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
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

    private TrainingLoop(GanConfig config, GanTrainerProvider engine, CheckpointFile.Contents resumed) {
        this.config = config;
        this.engine = engine;
        this.resumed = resumed;
    }

    /** Returns a trainer of a new run with validated settings on {@code engine}. */
    public static GanTrainer trainer(GanConfig config, GanTrainerProvider engine) {
        return new TrainingLoop(Objects.requireNonNull(config, "config"), Objects.requireNonNull(engine, "engine"),
                null);
    }

    /**
     * Reads a checkpoint and returns a trainer that continues its run on {@code engine}; see {@link
     * dev.gan4j.train.ResumeBuilder}.
     *
     * @param path a checkpoint file, or a directory whose newest checkpoint is meant
     * @param skipCorrupt whether to fall back to the newest good checkpoint before a bad one
     * @param overrides applied to a builder holding the checkpoint's settings (listeners, epochs...)
     * @throws IOException if no checkpoint can be read; {@link
     *     dev.gan4j.train.CorruptCheckpointException} if damaged
     * @throws IllegalArgumentException if the overridden epochs end before the checkpoint's epoch
     * @throws IllegalStateException if the checkpoint directory holds checkpoints after its step
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
        CheckpointDirectory.checkNothingAfter(config.checkpoints().directory(), progress.globalStep());
        return new TrainingLoop(config, engine, checkpoint);
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

    /** Returns the checkpoint file this trainer continues from, or empty for a new run. */
    public Optional<Path> resumedFrom() {
        return resumed == null ? Optional.empty() : Optional.of(resumed.file());
    }

    /** Returns the global step of the checkpoint this trainer continues from, or 0 for a new run. */
    public long resumedStep() {
        return resumed == null ? 0 : resumed.state().progress().globalStep();
    }

    @Override
    public GanConfig config() {
        return config;
    }

    @Override
    public TrainedGan train(ImageDataset data) {
        try {
            return run(data);
        } catch (RuntimeException e) {
            for (TrainingListener l : config.listeners()) {
                try {
                    l.onTrainingFailed(e);
                } catch (RuntimeException inListener) {
                    e.addSuppressed(inListener);
                }
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
        Checkpointer.prepare(config, start);
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
                    ? new Checkpointer(config, session, data.size())
                    : null;
            long globalStep = loop(session, stepsPerEpoch, start, checkpointer);
            LOG.info(String.format(Locale.ROOT, "trained %d steps in %.1f s", globalStep - start.globalStep(),
                    (System.nanoTime() - began) / 1e9));
            return result(session, globalStep, stepsPerEpoch, data.size());
        }
    }

    private long loop(TrainingSession session, int stepsPerEpoch, CheckpointState.Progress start,
            Checkpointer checkpointer) {
        long globalStep = start.globalStep();
        TrainingHealth health = new TrainingHealth(config, this::lastCheckpointBefore);
        for (int epoch = start.epoch(); epoch <= config.epochs(); epoch++) {
            int firstStep = epoch == start.epoch() ? start.stepInEpoch() + 1 : 1;
            for (TrainingListener l : config.listeners()) {
                l.onEpochStart(epoch, stepsPerEpoch);
            }
            int imagesPerStep = config.batchSize() * config.discriminatorSteps();
            long epochStart = System.nanoTime();
            long lastReport = epochStart;
            int lastReportStep = firstStep - 1;
            List<StepMetrics> reported = new ArrayList<>();
            for (int s = firstStep; s <= stepsPerEpoch; s++) {
                globalStep++;
                boolean measure = s % config.logEvery() == 0 || s == stepsPerEpoch;
                StepMeasurement m;
                try {
                    m = session.step(Seeds.forStep(config.seed(), globalStep), measure);
                } catch (RuntimeException e) {
                    throw new GanException(
                            "training step failed at epoch " + epoch + ", step " + s + " (global step " + globalStep
                                    + "): " + e.getMessage(), e);
                }
                if (m != null) {
                    long now = System.nanoTime();
                    double images = (double) (s - lastReportStep) * imagesPerStep;
                    StepMetrics metrics = new StepMetrics(epoch, s, stepsPerEpoch, globalStep,
                            m.discriminatorLoss(), m.generatorLoss(), m.realScore(), m.fakeScore(), m.realAccuracy(),
                            m.fakeAccuracy(), m.foolRate(), images / ((now - lastReport) / 1e9),
                            m.generatorGradientNorm(), m.discriminatorGradientNorm(), m.fakeDiversity(),
                            m.realDiversity());
                    StepPhases phases = session.drainPhases();
                    StepProfile profile = phases == null ? null : new StepProfile(globalStep, s - lastReportStep,
                            phases.data(), phases.discriminator(), phases.generator(), phases.metrics(),
                            (now - lastReport) / 1e9, phases.hostCopies());
                    lastReport = now;
                    lastReportStep = s;
                    reported.add(metrics);
                    for (TrainingListener l : config.listeners()) {
                        l.onStep(metrics);
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
                    Path file = checkpointer.afterStep(
                            new CheckpointState.Progress(epoch, s, globalStep, stepsPerEpoch), last);
                    if (file != null) {
                        for (TrainingListener l : config.listeners()) {
                            l.onCheckpoint(file, globalStep);
                        }
                    }
                }
            }
            double seconds = (System.nanoTime() - epochStart) / 1e9;
            double epochImagesPerSecond = (double) (stepsPerEpoch - firstStep + 1) * imagesPerStep / seconds;
            EpochSummary summary = new EpochSummary(epoch, config.epochs(), globalStep,
                    StepMetrics.mean(reported, epochImagesPerSecond), seconds, session.currentGenerator());
            for (TrainingListener l : config.listeners()) {
                l.onEpochEnd(summary);
            }
            if (LOG.isInfoEnabled()) {
                LOG.info(String.format(Locale.ROOT, "epoch %d/%d: %d steps in %.1f s, %.0f images/s; means %s",
                        epoch, config.epochs(), stepsPerEpoch, seconds, summary.mean().samplesPerSecond(),
                        describe(summary.mean())));
            }
        }
        return globalStep;
    }

    /**
     * Copies the trained generator out of the session, which is closed after, and tells the listeners.
     * If a listener fails, the copy is closed before the failure propagates: nobody else holds it.
     */
    private TrainedGan result(TrainingSession session, long steps, int stepsPerEpoch, int datasetSize) {
        Provenance provenance = Provenance.of(config, steps, stepsPerEpoch, datasetSize, session.dataFingerprint(),
                session.engine(), session.device(), Gan4j.version(), Instant.now());
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
