package dev.gan4j.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.gan4j.train.GanConfig;
import java.util.Arrays;

/**
 * One generator update and the discriminator updates before it, as pytorch/examples' DCGAN does it:
 * {@code fake = G(z)} is computed once, detached for the discriminator's update and live for the
 * generator's. Each network's update touches only its own parameters; while the generator learns, the
 * discriminator's parameters record no gradients at all, which saves computing them.
 *
 * <p>In a class-conditional run each discriminator update draws the fakes' labels uniformly over the
 * classes from the step's seeded generator, after z (an unconditional run draws nothing more than it
 * did): real images go to D with their own labels, fakes with the labels G drew them for, and the
 * generator's update reuses those fakes and labels.
 */
final class AdversarialStep {

    private final Engine engine;
    private final GanConfig config;
    private final Network generator;
    private final Network discriminator;
    private final AdamOptimizer generatorOptimizer;
    private final AdamOptimizer discriminatorOptimizer;
    private final DeviceDataset data;
    /** The number of classes of a conditional run, or 0. */
    private final int classes;
    private final Losses losses;
    private final boolean separateBatches;
    private final PhaseClock clock;
    private final DiscriminatorInputs inputs;
    private final float labelFlips;
    /** The gradient penalty, or {@code null} without one. */
    private final GradientPenalties penalties;

    AdversarialStep(
            Engine engine,
            GanConfig config,
            Network generator,
            Network discriminator,
            DeviceDataset data,
            NDManager manager) {
        this.engine = engine;
        this.config = config;
        this.generator = generator;
        this.discriminator = discriminator;
        // The updates of the whole run, over which a learning-rate schedule runs.
        long generatorUpdates = (long) config.epochs() * config.stepsPerEpochFor(data.size());
        this.generatorOptimizer = Optimizers.create(config.generatorOptimizer(), generator, manager, generatorUpdates);
        this.discriminatorOptimizer = Optimizers.create(config.discriminatorOptimizer(), discriminator, manager,
                generatorUpdates * config.discriminatorSteps());
        this.data = data;
        this.classes = config.generator().classes();
        this.separateBatches = config.discriminator().hasBatchNorm();
        this.clock = config.profileSteps() ? new PhaseClock() : null;
        this.inputs = new DiscriminatorInputs(config.augmentation(), config.instanceNoise(), generatorUpdates,
                config.generator().outputShape().dims(), manager);
        this.labelFlips = (float) config.labelFlips();
        int b = config.batchSize();
        // Targets for the discriminator's logits of real images first, then fake.
        float[] t = new float[2 * b];
        Arrays.fill(t, 0, b, config.labelSmoothing().realTarget());
        Arrays.fill(t, b, 2 * b, config.labelSmoothing().fakeTarget());
        this.losses = Losses.of(config.loss(), config.labelSmoothing(), manager.create(t, new Shape(2 * b, 1)));
        this.penalties = GradientPenalties.of(config.gradientPenalty(), manager);
    }

    /**
     * Runs the discriminator updates and one generator update, every array in {@code step}.
     *
     * @param measure whether to compute the metrics, fetched to the host in one copy
     * @return D loss, G loss, D(x), D(G(z)), real accuracy, fake accuracy, fool rate, G gradient norm, D
     *     gradient norm, fake diversity, real diversity and the last gradient penalty (NaN without one),
     *     or {@code null} when not measuring
     */
    float[] run(NDManager step, boolean measure) {
        if (clock != null) {
            clock.start();
        }
        try (GradientCollector collector = engine.newGradientCollector()) {
            Fake fake = null;
            int k = config.discriminatorSteps();
            for (int i = 1; i <= k; i++) {
                fake = discriminatorUpdate(step, collector, measure && i == k);
            }
            Verdict verdict = generatorUpdate(fake, collector, measure);
            inputs.afterStep(generatorOptimizer.updates(), config.batchSize(), k);
            float[] metrics = measure ? measure(fake, verdict) : null;
            lap(PhaseClock.METRICS, null);
            return metrics;
        }
    }

    /**
     * The result of a discriminator update: the real and generated batches (the fake one live), what D
     * said, the norm of D's gradient (when measured, else {@code null}), and in a conditional run the
     * labels of the real and the fake images (else {@code null}).
     */
    record Fake(NDArray real, NDArray images, NDArray logits, NDArray loss, NDArray gradientNorm,
            NDArray realLabels, NDArray fakeLabels) {}

    /**
     * Draws real and fake batches and updates the discriminator only.
     *
     * @param measure whether to compute the norm of D's gradient before the update zeroes it
     */
    Fake discriminatorUpdate(NDManager step, GradientCollector collector, boolean measure) {
        int b = config.batchSize();
        DeviceDataset.Batch batch = data.next(b, step);
        NDArray real = batch.images();
        NDArray realLabels = batch.labels();
        lap(PhaseClock.DATA, real);
        NDArray z = step.randomNormal(0f, 1f, new Shape(b, config.generator().latentDim()), DataType.FLOAT32);
        // Drawn only in a conditional run, after z, so that an unconditional one draws what it always drew.
        NDArray fakeLabels = classes > 0 ? step.randomInteger(0, classes, new Shape(b), DataType.INT64) : null;
        NDArray fake = generator.forward(z, fakeLabels, true);
        NDArray detached = fake.stopGradient();
        // The penalty, when due, joins D's loss in the update's one backward pass (GradientPenalties). It
        // differentiates D's output with respect to the images before augmentation and noise: the
        // gradient of D(T(x)) in x, through T.
        boolean penalised = penalties != null && penalties.due(discriminatorOptimizer.updates());
        NDArray seenReal = penalised ? penalties.real(real) : real;
        NDArray seenFake = penalised ? penalties.fake(detached) : detached;
        NDArray logits = discriminate(seenReal, realLabels, seenFake, fakeLabels);
        inputs.observeReal(logits, b);
        // Label flips (Salimans et al., 2016): each sample's target swapped with probability p, drawn
        // only when on so that runs without them draw what they always drew.
        NDArray loss = labelFlips > 0
                ? losses.discriminator(logits, losses.swappedWhere(
                        step.randomUniform(0f, 1f, logits.getShape()).lt(labelFlips)))
                : losses.discriminator(logits);
        collector.backward(penalised ? loss.add(penalties.term(logits, seenReal, seenFake, discriminator)) : loss);
        NDArray norm = measure ? HealthSignals.gradientNorm(discriminator, step) : null;
        discriminatorOptimizer.update();
        losses.afterDiscriminatorUpdate(discriminator);
        lap(PhaseClock.DISCRIMINATOR, loss);
        return new Fake(real, fake, logits, loss, norm, realLabels, fakeLabels);
    }

    /**
     * Returns D's logits for the real batch, then the fake one. Without BatchNorm in D both go through
     * as one batch of 2B, as the Keras recipe does: one pass per layer instead of two. With BatchNorm
     * they go separately, as in pytorch/examples' DCGAN: batch statistics of a mixed batch would let D
     * tell the halves apart by the statistics alone, and the generator's step, which shows D only
     * fakes, would then see a different D. Both batches are first augmented and noised as one batch of
     * 2B, when {@link DiscriminatorInputs} is on.
     */
    NDArray discriminate(NDArray real, NDArray fake) {
        return discriminate(real, null, fake, null);
    }

    /**
     * Returns D's logits for the real batch, then the fake one, each with its labels in a conditional
     * run (else both {@code null}); see {@link #discriminate(NDArray, NDArray)}.
     */
    NDArray discriminate(NDArray real, NDArray realLabels, NDArray fake, NDArray fakeLabels) {
        if (!inputs.isIdentity()) {
            int b = Math.toIntExact(real.getShape().get(0));
            NDArray both = inputs.prepare(real.concat(fake, 0), generatorOptimizer.updates());
            if (separateBatches) {
                return discriminator.forward(both.get(new NDIndex().addSliceDim(0, b)), realLabels, true)
                        .concat(discriminator.forward(both.get(new NDIndex().addSliceDim(b, 2L * b)), fakeLabels, true), 0);
            }
            return discriminator.forward(both, concat(realLabels, fakeLabels), true);
        }
        if (separateBatches) {
            return discriminator.forward(real, realLabels, true).concat(discriminator.forward(fake, fakeLabels, true), 0);
        }
        return discriminator.forward(real.concat(fake, 0), concat(realLabels, fakeLabels), true);
    }

    /** The real batch's labels, then the fake one's; {@code null} in an unconditional run. */
    private static NDArray concat(NDArray realLabels, NDArray fakeLabels) {
        return realLabels == null ? null : realLabels.concat(fakeLabels, 0);
    }

    /**
     * What the updated discriminator said of the generator's batch (and of the real one, for a loss
     * whose generator sees it, else {@code null}), the generator's loss and its gradient's norm.
     */
    record Verdict(NDArray logits, NDArray realLogits, NDArray loss, NDArray gradientNorm) {}

    /**
     * Updates the generator only, through the just-updated discriminator.
     *
     * @param measure whether to compute the norm of G's gradient before the update zeroes it
     */
    Verdict generatorUpdate(Fake batches, GradientCollector collector, boolean measure) {
        NDArray fake = batches.images();
        discriminator.requireGradients(false);
        try {
            // DiffAugment and instance noise apply here too, differentiably: G learns through them.
            NDArray logits = discriminator.forward(seen(fake), batches.fakeLabels(), true);
            // A relativistic generator compares with the real batch D saw last; no gradient flows there.
            NDArray realLogits = losses.generatorSeesReal()
                    ? discriminator.forward(seen(batches.real()), batches.realLabels(), true) : null;
            NDArray loss = losses.generator(logits, realLogits);
            collector.backward(loss);
            NDArray norm = measure ? HealthSignals.gradientNorm(generator, fake.getManager()) : null;
            generatorOptimizer.update();
            lap(PhaseClock.GENERATOR, loss);
            return new Verdict(logits, realLogits, loss, norm);
        } finally {
            discriminator.requireGradients(true);
        }
    }

    /** The images as D sees them in the generator's update: unchanged when no augmentation or noise is set. */
    private NDArray seen(NDArray images) {
        return inputs.isIdentity() ? images : inputs.prepare(images, generatorOptimizer.updates());
    }

    private float[] measure(Fake fake, Verdict verdict) {
        NDList values = new NDList(fake.loss(), verdict.loss());
        values.addAll(losses.metrics(fake.logits(), verdict.logits(), verdict.realLogits()));
        values.add(verdict.gradientNorm());
        values.add(fake.gradientNorm());
        values.add(HealthSignals.meanPairwiseDistance(fake.images().stopGradient()));
        values.add(HealthSignals.meanPairwiseDistance(fake.real()));
        if (penalties == null) {
            // No penalty: its metric is NaN, added on the host rather than as one more device array.
            float[] read = HostReads.floats(NDArrays.stack(values));
            float[] metrics = Arrays.copyOf(read, read.length + 1);
            metrics[read.length] = Float.NaN;
            return metrics;
        }
        values.add(penalties.last());
        // One stack and one copy: a single host synchronisation per report.
        return HostReads.floats(NDArrays.stack(values));
    }

    private void lap(int phase, NDArray done) {
        if (clock != null) {
            clock.lap(phase, done);
        }
    }

    /** Returns the seconds per phase since the last call, or {@code null} when not profiling. */
    double[] drainProfile() {
        return clock == null ? null : clock.drain();
    }

    /**
     * Returns gan4j's reads from the device since the last call, when profiling (else 0): one per
     * measured step, none in the others, plus those of listeners and checkpoints in between.
     */
    long drainHostCopies() {
        return clock == null ? 0 : clock.drainHostReads();
    }

    /** What D's inputs go through, whose adaptive probability checkpoints save. */
    DiscriminatorInputs inputs() {
        return inputs;
    }

    /** The generator's optimiser, whose state checkpoints save. */
    AdamOptimizer generatorOptimizer() {
        return generatorOptimizer;
    }

    /** The discriminator's optimiser, whose state checkpoints save. */
    AdamOptimizer discriminatorOptimizer() {
        return discriminatorOptimizer;
    }
}
