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
import dev.gan4j.train.TrainedGan;
import dev.gan4j.train.TrainingListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Trains with DJL's PyTorch engine, on whatever device the config names. */
final class DjlGanTrainer implements GanTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(DjlGanTrainer.class);

    private final GanConfig config;

    DjlGanTrainer(GanConfig config) {
        this.config = config;
    }

    @Override
    public GanConfig config() {
        return config;
    }

    @Override
    public TrainedGan train(ImageDataset data) {
        GanTrainer.checkDataset(config, data);
        int stepsPerEpoch = config.stepsPerEpochFor(data.size());
        Engine engine = DjlEngine.get();
        Device device = Devices.resolve(config.device(), engine);
        // Torch's generator seeds the initial weights, latents and dropout; our own seeds the order.
        engine.setRandomSeed(foldSeed(config.seed()));
        SplittableRandom order = new SplittableRandom(config.seed());
        boolean wasRecording = GradMode.set(false);
        NDManager root = NDManager.newBaseManager(device, engine.getEngineName());
        try {
            Network generator = Network.create(config.generator().stack(), root);
            Network discriminator = Network.create(config.discriminator().stack(), root);
            try (DeviceDataset dataset = new DeviceDataset(data, root, order)) {
                AdversarialStep step = new AdversarialStep(engine, config, generator, discriminator, dataset, root);
                for (TrainingListener l : config.listeners()) {
                    l.onTrainingStart(config, data.size());
                }
                LOG.info("training {} on {} images: {} epochs of {} steps, batch {}, seed {}, on {} ({}); health {}",
                        config.generator().recipe(), data.size(), config.epochs(), stepsPerEpoch, config.batchSize(),
                        config.seed(), device, DjlEngine.describe(engine), config.health().isOff() ? "off" : "on");
                long start = System.nanoTime();
                GeneratorAverage average = config.generatorEma() > 0
                        ? new GeneratorAverage(generator, root, config.generatorEma())
                        : null;
                long globalStep = loop(step, stepsPerEpoch, generator, average, root);
                LOG.info(String.format(Locale.ROOT, "trained %d steps in %.1f s", globalStep,
                        (System.nanoTime() - start) / 1e9));
                Network trained = average != null ? average.synced() : generator;
                return result(trained, device, engine, globalStep, data.size());
            }
        } finally {
            root.close();
            GradMode.set(wasRecording);
        }
    }

    private long loop(
            AdversarialStep step, int stepsPerEpoch, Network generator, GeneratorAverage average, NDManager root) {
        long globalStep = 0;
        // The last good checkpoint for a health stop: the newest written before the given global step.
        // No checkpoint is written yet, so there is none.
        TrainingHealth health = new TrainingHealth(config, beforeStep -> null);
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            for (TrainingListener l : config.listeners()) {
                l.onEpochStart(epoch, stepsPerEpoch);
            }
            int imagesPerStep = config.batchSize() * config.discriminatorSteps();
            long epochStart = System.nanoTime();
            long lastReport = epochStart;
            int lastReportStep = 0;
            List<StepMetrics> reported = new ArrayList<>();
            for (int s = 1; s <= stepsPerEpoch; s++) {
                globalStep++;
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
                    lastReport = now;
                    lastReportStep = s;
                    reported.add(metrics);
                    for (TrainingListener l : config.listeners()) {
                        l.onStep(metrics);
                    }
                    if (LOG.isDebugEnabled()) {
                        LOG.debug("global step {}: {}", globalStep, describe(metrics));
                    }
                    health.check(metrics);
                }
            }
            double seconds = (System.nanoTime() - epochStart) / 1e9;
            Network current = average != null ? average.synced() : generator;
            DjlGenerator view = new DjlGenerator(config.generator(), current, root);
            EpochSummary summary = new EpochSummary(
                    epoch, config.epochs(), globalStep, mean(reported, (double) stepsPerEpoch * imagesPerStep / seconds), seconds, view);
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

    private static StepMetrics mean(List<StepMetrics> all, double samplesPerSecond) {
        int n = all.size();
        StepMetrics last = all.get(n - 1);
        float[] sum = new float[11];
        for (StepMetrics m : all) {
            sum[0] += m.discriminatorLoss();
            sum[1] += m.generatorLoss();
            sum[2] += m.realScore();
            sum[3] += m.fakeScore();
            sum[4] += m.realAccuracy();
            sum[5] += m.fakeAccuracy();
            sum[6] += m.foolRate();
            sum[7] += m.generatorGradientNorm();
            sum[8] += m.discriminatorGradientNorm();
            sum[9] += m.fakeDiversity();
            sum[10] += m.realDiversity();
        }
        return new StepMetrics(last.epoch(), last.step(), last.stepsPerEpoch(), last.globalStep(),
                sum[0] / n, sum[1] / n, sum[2] / n, sum[3] / n, sum[4] / n, sum[5] / n, sum[6] / n, samplesPerSecond,
                sum[7] / n, sum[8] / n, sum[9] / n, sum[10] / n);
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

    /** DJL's engine seed is an int: fold the long so that every bit of it counts. */
    static int foldSeed(long seed) {
        return (int) (seed ^ (seed >>> 32));
    }
}
