package dev.gan4j.report;

import dev.gan4j.health.Diagnosis;
import dev.gan4j.health.HealthAction;
import dev.gan4j.health.HealthCondition;
import dev.gan4j.image.ImageBatch;
import dev.gan4j.quality.ClassifierSummary;
import dev.gan4j.quality.QualityReport;
import dev.gan4j.quality.SampleQuality;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanLoss;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.Generator;
import dev.gan4j.train.GradientPenalty;
import dev.gan4j.train.Provenance;
import dev.gan4j.train.listener.EpochSummary;
import dev.gan4j.train.listener.StepMetrics;
import dev.gan4j.train.listener.TrainingListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The events a training run sends its listeners, in the order and shape the training loop sends them
 * (TrainingLoop): start, per epoch its start, a step report every {@code logEvery} steps and at the
 * epoch's last step, health diagnoses where asked, the epoch's end with a generator to draw from, a
 * quality report every {@code qualityEvery} epochs and after the last, then the end with provenance.
 * The metrics follow the course of a real run (losses settling, accuracies falling from 1 towards 0.8);
 * the generator is a fixed random linear map of the latents through tanh whose gain grows by epoch, so
 * the samples change from epoch to epoch as a trained generator's do.
 */
final class RunEvents {

    final GanConfig config;
    final int stepsPerEpoch;
    final int logEvery;
    final int qualityEvery;
    final List<Long> diagnosisSteps = new ArrayList<>();
    /** The conditional accuracy the quality reports carry: NaN for an unconditional generator's. */
    double conditionalAccuracy = Double.NaN;

    RunEvents(GanLoss loss, int epochs, int stepsPerEpoch, int logEvery, int qualityEvery) {
        GanTrainer.Builder b = GanTrainer.builder()
                .generator(GeneratorSpec.dcgan().latentDim(16).build())
                .discriminator(DiscriminatorSpec.dcgan().batchNorm(!(loss instanceof GanLoss.WassersteinGp)).build())
                .loss(loss).epochs(epochs).batchSize(32).seed(42).logEvery(logEvery);
        if (loss instanceof GanLoss.WassersteinGp) {
            b.gradientPenalty(GradientPenalty.wganGp(10));
        }
        this.config = b.config();
        this.stepsPerEpoch = stepsPerEpoch;
        this.logEvery = logEvery;
        this.qualityEvery = qualityEvery;
    }

    /** A non-saturating run of {@code epochs} epochs of 40 steps, reported every 5, quality every 2 epochs. */
    static RunEvents nonSaturating(int epochs) {
        return new RunEvents(GanLoss.nonSaturating(), epochs, 40, 5, 2);
    }

    /** Raises {@code DISCRIMINATOR_OVERPOWERING} at the report of {@code globalStep} (a multiple of logEvery). */
    /** Quality reports as of a class-conditional generator's, with {@code accuracy}. */
    RunEvents conditionalAccuracy(double accuracy) {
        this.conditionalAccuracy = accuracy;
        return this;
    }

    RunEvents diagnoseAt(long globalStep) {
        diagnosisSteps.add(globalStep);
        return this;
    }

    /** Sends the whole run to {@code listener}. */
    void run(TrainingListener listener) {
        runEpochs(listener, config.epochs());
        listener.onTrainingEnd(provenance());
    }

    /** Sends the start and the first {@code epochs} epochs, without an end. */
    void runEpochs(TrainingListener listener, int epochs) {
        listener.onTrainingStart(config, 9000);
        boolean critic = loss() instanceof GanLoss.Wasserstein || loss() instanceof GanLoss.WassersteinGp;
        boolean penalised = !(config.gradientPenalty() instanceof GradientPenalty.None);
        Random random = new Random(7);
        LinearGenerator generator = new LinearGenerator(config.generator());
        for (int epoch = 1; epoch <= epochs; epoch++) {
            listener.onEpochStart(epoch, stepsPerEpoch);
            List<StepMetrics> reports = new ArrayList<>();
            for (int step = 1; step <= stepsPerEpoch; step++) {
                if (step % logEvery != 0 && step != stepsPerEpoch) {
                    continue;
                }
                long global = (long) (epoch - 1) * stepsPerEpoch + step;
                double t = global / (double) (config.epochs() * stepsPerEpoch);
                float noise = (float) random.nextGaussian() * 0.05f;
                float accuracy = critic ? Float.NaN : (float) (1 - 0.2 * t) + noise / 4;
                StepMetrics m = new StepMetrics(epoch, step, stepsPerEpoch, global,
                        critic ? (float) (-3 * Math.exp(-3 * t)) + noise : (float) (0.3 + 0.9 * t) + noise,
                        critic ? (float) (0.5 + t) + noise : (float) (4 - 2.5 * t) + noise,
                        critic ? (float) (2 - t) : (float) (0.9 - 0.2 * t),
                        critic ? (float) (-1 + t) : (float) (0.1 + 0.2 * t),
                        Math.min(1, accuracy), Math.min(1, accuracy - 0.08f), critic ? Float.NaN : (float) (0.05 + 0.2 * t),
                        1500 + 100 * random.nextDouble(), (float) (2 + t) + noise, (float) (1.5 - t) + noise,
                        (float) (6 + 4 * t), 10f + noise, penalised ? (float) (0.5 * Math.exp(-2 * t)) : Float.NaN);
                listener.onStep(m);
                reports.add(m);
                if (diagnosisSteps.contains(global)) {
                    listener.onHealth(new Diagnosis(HealthCondition.DISCRIMINATOR_OVERPOWERING, HealthAction.WARN, epoch,
                            step, global, Math.max(1, global - 20),
                            "the discriminator's accuracy averaged 0.998 over steps " + Math.max(1, global - 20) + "-"
                                    + global + ", above 0.95",
                            HealthCondition.DISCRIMINATOR_OVERPOWERING.advice(loss())));
                }
            }
            generator.gain = 0.2f * epoch;
            long globalStep = (long) epoch * stepsPerEpoch;
            listener.onEpochEnd(new EpochSummary(epoch, config.epochs(), globalStep,
                    StepMetrics.mean(reports, 1500), 12.5, generator));
            if (qualityEvery > 0 && (epoch % qualityEvery == 0 || epoch == config.epochs())) {
                QualityReport q = quality(epoch, globalStep);
                listener.onQuality(new QualityReport(q.epoch(), q.globalStep(), q.generated(), q.real(), q.classifier(),
                        conditionalAccuracy));
            }
        }
    }

    GanLoss loss() {
        return config.loss();
    }

    Provenance provenance() {
        return Provenance.of(config, (long) config.epochs() * stepsPerEpoch, stepsPerEpoch, 9000, 0x1a2b3c4dL,
                "DJL 0.36.0 / PyTorch 2.7.1", "cpu()", "0.2.0", Instant.parse("2026-12-03T19:00:00Z"),
                "3f2a9c1b-0000-4000-8000-000000000001");
    }

    static QualityReport quality(int epoch, long globalStep) {
        double progress = Math.min(1, epoch / 10.0);
        List<Double> shares = new ArrayList<>(Collections.nCopies(10, 0.1));
        SampleQuality generated = new SampleQuality(1000, 3 + 5 * progress, 40 - 35 * progress, 0.3 + 0.55 * progress,
                shares, 10, 0.1);
        SampleQuality real = new SampleQuality(1000, 9.6, 0.7, 0.975, shares, 10, 0.1);
        return new QualityReport(epoch, globalStep, generated, real,
                new ClassifierSummary("mnist", 10, 128, 9000, 1000, 0.99, 9.8, true, null));
    }

    /** tanh(gain · W z) per pixel, W fixed random: a generator whose samples change as its gain grows. */
    static final class LinearGenerator implements Generator {
        private final GeneratorSpec spec;
        private final float[] weights;
        float gain = 0.1f;

        LinearGenerator(GeneratorSpec spec) {
            this.spec = spec;
            int pixels = (int) spec.outputShape().size();
            Random random = new Random(3);
            weights = new float[pixels * spec.latentDim()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (float) random.nextGaussian();
            }
        }

        @Override
        public GeneratorSpec spec() {
            return spec;
        }

        @Override
        public ImageBatch generate(float[] latents) {
            int latent = spec.latentDim();
            int pixels = (int) spec.outputShape().size();
            int count = latents.length / latent;
            float[] out = new float[count * pixels];
            for (int n = 0; n < count; n++) {
                for (int p = 0; p < pixels; p++) {
                    float sum = 0;
                    for (int j = 0; j < latent; j++) {
                        sum += weights[p * latent + j] * latents[n * latent + j];
                    }
                    out[n * pixels + p] = (float) Math.tanh(gain * sum);
                }
            }
            return ImageBatch.of(out, count, spec.outputShape());
        }
    }
}
