package dev.gan4j.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.gan4j.Gan4j;
import dev.gan4j.data.ImageDataset;
import dev.gan4j.train.EpochSummary;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanException;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.Provenance;
import dev.gan4j.train.StepMetrics;
import dev.gan4j.train.StepProfile;
import dev.gan4j.train.TrainedGan;
import dev.gan4j.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Trains with DJL's PyTorch engine, on whatever device the config names. */
final class DjlGanTrainer implements GanTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(DjlGanTrainer.class);

    private final GanConfig config;
    private final CheckpointFile.Contents resumed;

    DjlGanTrainer(GanConfig config) {
        this(config, null);
    }

    /** A trainer that continues the run of checkpoint {@code resumed}, or starts a new one if null. */
    DjlGanTrainer(GanConfig config, CheckpointFile.Contents resumed) {
        this.config = config;
        this.resumed = resumed;
    }

    /** The checkpoint this trainer continues from, or {@code null} for a new run. */
    CheckpointFile.Contents resumed() {
        return resumed;
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
        GanTrainer.checkDataset(config, data);
        int stepsPerEpoch = config.stepsPerEpochFor(data.size());
        CheckpointState.Progress start = resumed != null
                ? Resumption.start(resumed, data.size(), stepsPerEpoch)
                : CheckpointState.Progress.START;
        Checkpointer.prepare(config, start);
        Engine engine = DjlEngine.get();
        Device device = Devices.resolve(config.device(), engine);
        Optional<String> leaveAllocator =
                GlibcMalloc.reasonToLeaveAlone(config.nativeMemory(), device.isGpu(), System.getenv());
        leaveAllocator.ifPresent(why -> LOG.debug("native memory: allocator left alone: {}", why));
        boolean reusing = leaveAllocator.isEmpty() && GlibcMalloc.reuseFreedMemory();
        // Torch's generator seeds the initial weights; each step reseeds it for latents and dropout,
        // and each pass over the data has its own seeded order (Seeds), so that resuming is exact.
        engine.setRandomSeed(foldSeed(config.seed()));
        boolean wasRecording = GradMode.set(false);
        NDManager root = NDManager.newBaseManager(device, engine.getEngineName());
        try {
            Network generator = resumed == null
                    ? Network.create(config.generator().stack(), root)
                    : Network.restore(config.generator().stack(), resumed.state().generator(), root);
            Network discriminator = resumed == null
                    ? Network.create(config.discriminator().stack(), root)
                    : Network.restore(config.discriminator().stack(), resumed.state().discriminator(), root);
            try (DeviceDataset dataset = new DeviceDataset(data, root, config.seed())) {
                if (resumed != null) {
                    Resumption.checkData(resumed, dataset);
                }
                AdversarialStep step = new AdversarialStep(engine, config, generator, discriminator, dataset, root);
                for (TrainingListener l : config.listeners()) {
                    l.onTrainingStart(config, data.size());
                }
                LOG.info("training {} on {} images: {} epochs of {} steps, batch {}, seed {}, on {} ({}); health {}",
                        config.generator().recipe(), data.size(), config.epochs(), stepsPerEpoch, config.batchSize(),
                        config.seed(), device, DjlEngine.describe(engine), config.health().isOff() ? "off" : "on");
                long began = System.nanoTime();
                GeneratorAverage average = config.generatorEma() > 0
                        ? new GeneratorAverage(generator, root, config.generatorEma())
                        : null;
                if (resumed != null) {
                    Resumption.restore(resumed, step, average, dataset);
                }
                Checkpointer checkpointer = config.checkpoints().enabled()
                        ? new Checkpointer(config, generator, discriminator, step, average, dataset, data.size(),
                                DjlEngine.describe(engine), device.toString())
                        : null;
                long globalStep = loop(step, stepsPerEpoch, generator, average, root, start, checkpointer);
                LOG.info(String.format(Locale.ROOT, "trained %d steps in %.1f s", globalStep - start.globalStep(),
                        (System.nanoTime() - began) / 1e9));
                Network trained = average != null ? average.synced() : generator;
                return result(trained, device, engine, globalStep, data.size());
            }
        } finally {
            root.close();
            GradMode.set(wasRecording);
            if (reusing) {
                GlibcMalloc.releaseFreeMemory();
            }
        }
    }

    private long loop(AdversarialStep step, int stepsPerEpoch, Network generator, GeneratorAverage average,
            NDManager root, CheckpointState.Progress start, Checkpointer checkpointer) {
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
                Seeds.seedTorch(Seeds.forStep(config.seed(), globalStep));
                boolean measure = s % config.logEvery() == 0 || s == stepsPerEpoch;
                float[] m;
                try (NDManager scope = root.newSubManager()) {
                    m = step.run(scope, measure);
                    if (average != null) {
                        average.update();
                    }
                } catch (RuntimeException e) {
                    throw new GanException(
                            "training step failed at epoch " + epoch + ", step " + s + " (global step " + globalStep
                                    + "): " + e.getMessage(), e);
                }
                if (m != null) {
                    long now = System.nanoTime();
                    double images = (double) (s - lastReportStep) * imagesPerStep;
                    StepMetrics metrics = new StepMetrics(epoch, s, stepsPerEpoch, globalStep,
                            m[0], m[1], m[2], m[3], m[4], m[5], m[6], images / ((now - lastReport) / 1e9),
                            m[7], m[8], m[9], m[10]);
                    double[] phases = step.drainProfile();
                    StepProfile profile = phases == null ? null : new StepProfile(globalStep, s - lastReportStep,
                            phases[PhaseClock.DATA], phases[PhaseClock.DISCRIMINATOR], phases[PhaseClock.GENERATOR],
                            phases[PhaseClock.METRICS], (now - lastReport) / 1e9, step.drainHostCopies());
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
            Network current = average != null ? average.synced() : generator;
            DjlGenerator view = new DjlGenerator(config.generator(), current, root);
            double epochImagesPerSecond = (double) (stepsPerEpoch - firstStep + 1) * imagesPerStep / seconds;
            EpochSummary summary = new EpochSummary(epoch, config.epochs(), globalStep,
                    StepMetrics.mean(reported, epochImagesPerSecond), seconds, view);
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

    /** Copies the generator's parameters out of the training scope, which is closed after. */
    private TrainedGan result(Network generator, Device device, Engine engine, long steps, int datasetSize) {
        NDManager owned = NDManager.newBaseManager(device, engine.getEngineName());
        Network trained = generator.copyTo(owned);
        Provenance provenance = new Provenance(
                config.generator().recipe(),
                config.seed(),
                steps,
                config.epochs(),
                config.batchSize(),
                config.loss().name(),
                config.labelSmoothing().realTarget() + "/" + config.labelSmoothing().fakeTarget(),
                config.generatorOptimizer().describe(),
                config.discriminatorOptimizer().describe(),
                datasetSize,
                DjlEngine.describe(engine),
                device.toString(),
                Gan4j.version(),
                Instant.now());
        for (TrainingListener l : config.listeners()) {
            l.onTrainingEnd(provenance);
        }
        return new DjlTrainedGan(config.generator(), trained, owned, provenance);
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

    /** DJL's engine seed is an int: fold the long so that every bit of it counts. */
    static int foldSeed(long seed) {
        return (int) (seed ^ (seed >>> 32));
    }
}
