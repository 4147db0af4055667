package dev.gan4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.gan4j.train.Augmentation;
import dev.gan4j.train.Augmentation.Policy;
import dev.gan4j.train.InstanceNoise;

/**
 * What is done to every image before the discriminator sees it, real or generated, in both networks'
 * updates: DiffAugment's differentiable augmentations (Zhao et al., 2020), then annealed instance noise
 * (Sønderby et al., 2016). Everything runs on the device as a few whole-batch operations, with no
 * per-sample loop and no host copy; every random number comes from torch's generator, which each step
 * reseeds, so runs reproduce and resume exactly. With neither setting on, {@link #isIdentity()} holds
 * and nothing is drawn, so such runs are bit-identical to runs before this class existed.
 *
 * <p>The random parameters are drawn by {@link #draw} and applied by {@link #augment}, a deterministic
 * function of the images and the draws, so that tests can give their own.
 */
final class DiscriminatorInputs {

    /** The reference code's translation ratio: shifts up to 1/8 of the image. */
    private static final double TRANSLATION_RATIO = 0.125;
    /** The reference code's cutout ratio: a square of half the image. */
    private static final double CUTOUT_RATIO = 0.5;

    private final Augmentation augmentation;
    private final InstanceNoise noise;
    private final long totalSteps;
    private final int channels;
    private final int height;
    private final int width;
    private final int shiftRows;
    private final int shiftCols;
    private final int cutRows;
    private final int cutCols;
    /** ADA's settings, or {@code null} for a fixed probability. */
    private final Augmentation.Adaptive adaptive;
    /** The probability of each augmentation per sample: fixed, or ADA's current one. */
    private double probability;
    /** ADA's running sum of sign(D(x)) on the device since its last adjustment, or {@code null}. */
    private final NDArray heuristicSum;

    /**
     * @param imageShape the images' shape without the batch axis: channels, height, width
     * @param totalSteps the run's generator steps, over which the noise anneals
     */
    DiscriminatorInputs(Augmentation augmentation, InstanceNoise noise, long totalSteps, int[] imageShape) {
        this(augmentation, noise, totalSteps, imageShape, null);
    }

    /**
     * @param root where ADA keeps its running sum; needed only with an adaptive probability
     */
    DiscriminatorInputs(Augmentation augmentation, InstanceNoise noise, long totalSteps, int[] imageShape,
            NDManager root) {
        this.augmentation = augmentation;
        this.adaptive = augmentation.policies().isEmpty() ? null : augmentation.adaptation().orElse(null);
        this.probability = augmentation.probability();
        this.heuristicSum = adaptive == null ? null : root.zeros(new Shape(), DataType.FLOAT32);
        this.noise = noise;
        this.totalSteps = Math.max(1, totalSteps);
        this.channels = imageShape[0];
        this.height = imageShape[1];
        this.width = imageShape[2];
        // int(size * ratio + 0.5), as the reference code rounds.
        this.shiftRows = (int) (height * TRANSLATION_RATIO + 0.5);
        this.shiftCols = (int) (width * TRANSLATION_RATIO + 0.5);
        this.cutRows = (int) (height * CUTOUT_RATIO + 0.5);
        this.cutCols = (int) (width * CUTOUT_RATIO + 0.5);
    }

    /** Whether the discriminator sees the images as they are: no augmentation and no noise. */
    boolean isIdentity() {
        return !augmentation.isOn() && !noise.isOn();
    }

    /**
     * Returns the images as the discriminator sees them at generator step {@code step} (from 0):
     * augmented with fresh draws, then with noise added. Differentiable in {@code images}.
     */
    NDArray prepare(NDArray images, long step) {
        NDArray x = images;
        if (augmentation.isOn()) {
            x = augment(x, draw(x.getManager(), Math.toIntExact(x.getShape().get(0))));
        }
        double sigma = noise.sigmaAt(step, totalSteps);
        if (sigma > 0) {
            x = x.add(x.getManager().randomNormal(0f, (float) sigma, x.getShape(), DataType.FLOAT32));
        }
        return x;
    }

    /**
     * The random parameters of one augmentation of {@code n} images, each {@code null} when its policy
     * is off; a sample that skips an augmentation (probability below 1) holds its identity value.
     *
     * @param brightness added to each image, {@code [n, 1, 1, 1]}; identity 0
     * @param saturation the factor of each pixel's distance from its channels' mean, {@code [n, 1, 1,
     *     1]}; identity 1
     * @param contrast the factor of each pixel's distance from the image's mean, {@code [n, 1, 1, 1]};
     *     identity 1
     * @param rowShift each output row {@code i} shows input row {@code i + rowShift}, {@code [n, 1, 1]},
     *     whole numbers; identity 0
     * @param colShift the same for columns, {@code [n, 1, 1]}
     * @param cutTop the first row of the cutout square (may be negative: clipped), {@code [n, 1, 1]},
     *     whole numbers; a sample without cutout has it above the image
     * @param cutLeft the first column of the square, {@code [n, 1, 1]}
     */
    record Draws(NDArray brightness, NDArray saturation, NDArray contrast, NDArray rowShift, NDArray colShift,
            NDArray cutTop, NDArray cutLeft) {}

    /** Draws the parameters of one augmentation of {@code n} images from torch's generator, in {@code m}. */
    Draws draw(NDManager m, int n) {
        Shape perImage = new Shape(n, 1, 1, 1);
        Shape perMatrix = new Shape(n, 1, 1);
        NDArray brightness = null;
        NDArray saturation = null;
        NDArray contrast = null;
        if (augmentation.has(Policy.COLOR)) {
            brightness = sometimes(m.randomUniform(-0.5f, 0.5f, perImage), 0f);
            // Saturation mixes channels: there is none to mix in a grey image, so nothing is drawn.
            saturation = channels > 1 ? sometimes(m.randomUniform(0f, 2f, perImage), 1f) : null;
            contrast = sometimes(m.randomUniform(0.5f, 1.5f, perImage), 1f);
        }
        NDArray rowShift = null;
        NDArray colShift = null;
        if (augmentation.has(Policy.TRANSLATION)) {
            rowShift = sometimes(m.randomInteger(-shiftRows, shiftRows + 1L, perMatrix, DataType.FLOAT32), 0f);
            colShift = sometimes(m.randomInteger(-shiftCols, shiftCols + 1L, perMatrix, DataType.FLOAT32), 0f);
        }
        NDArray cutTop = null;
        NDArray cutLeft = null;
        if (augmentation.has(Policy.CUTOUT)) {
            // The reference code draws the centre in [0, size + 1 - cut % 2) and starts the square
            // cut / 2 before it; a skipped sample's square ends above (left of) the image.
            cutTop = sometimes(m.randomInteger(0, height + 1L - cutRows % 2, perMatrix, DataType.FLOAT32)
                    .sub(cutRows / 2), -2f * height - cutRows);
            cutLeft = sometimes(m.randomInteger(0, width + 1L - cutCols % 2, perMatrix, DataType.FLOAT32)
                    .sub(cutCols / 2), -2f * width - cutCols);
        }
        return new Draws(brightness, saturation, contrast, rowShift, colShift, cutTop, cutLeft);
    }

    /**
     * Keeps each sample's drawn value with the augmentation's probability, else gives it {@code
     * identity}; with probability 1 (DiffAugment as published) draws nothing more.
     */
    private NDArray sometimes(NDArray drawn, float identity) {
        double p = probability;
        if (p >= 1) {
            return drawn;
        }
        NDArray apply = drawn.getManager().randomUniform(0f, 1f, drawn.getShape()).lt((float) p);
        return NDArrays.where(apply, drawn, drawn.zerosLike().add(identity));
    }

    /**
     * Returns {@code x} ({@code [n, C, H, W]}) augmented with {@code d}, in the order color,
     * translation, cutout, differentiably in {@code x}.
     */
    NDArray augment(NDArray x, Draws d) {
        if (d.brightness() != null) {
            x = x.add(d.brightness());
            if (d.saturation() != null) {
                x = towards(x, x.mean(new int[] {1}, true), d.saturation());
            }
            // DJL's torch mean takes one axis: the image's mean over its flattened pixels.
            long n = x.getShape().get(0);
            NDArray mean = x.reshape(n, -1).mean(new int[] {1}, true).reshape(n, 1, 1, 1);
            x = towards(x, mean, d.contrast());
        }
        if (d.rowShift() != null) {
            // out[i, j] = x[i + dy, j + dx], zero outside: two batched products with one-hot matrices,
            // rows[n, i, k] = [k = i + dy] on the left and cols[n, l, j] = [l = j + dx] on the right.
            // Exact (each output sums one product with 1 and zeros) and differentiable in x.
            NDManager m = x.getManager();
            NDArray rows = m.arange(0f, height, 1f, DataType.FLOAT32).reshape(1, height, 1).add(d.rowShift())
                    .eq(m.arange(0f, height, 1f, DataType.FLOAT32).reshape(1, 1, height))
                    .toType(DataType.FLOAT32, false).expandDims(1);
            NDArray cols = m.arange(0f, width, 1f, DataType.FLOAT32).reshape(1, 1, width).add(d.colShift())
                    .eq(m.arange(0f, width, 1f, DataType.FLOAT32).reshape(1, width, 1))
                    .toType(DataType.FLOAT32, false).expandDims(1);
            x = rows.matMul(x).matMul(cols);
        }
        if (d.cutTop() != null) {
            NDManager m = x.getManager();
            NDArray dy = m.arange(0f, height, 1f, DataType.FLOAT32).reshape(1, height, 1).sub(d.cutTop());
            NDArray dx = m.arange(0f, width, 1f, DataType.FLOAT32).reshape(1, 1, width).sub(d.cutLeft());
            NDArray inside = dy.gte(0f).logicalAnd(dy.lt((float) cutRows))
                    .logicalAnd(dx.gte(0f).logicalAnd(dx.lt((float) cutCols)));
            x = x.mul(inside.logicalNot().toType(DataType.FLOAT32, false).expandDims(1));
        }
        return x;
    }

    /**
     * Adds ADA's overfitting heuristic for the real images of a discriminator update: {@code
     * sign(D(x))} summed on the device, without a host read. Does nothing without ADA.
     *
     * @param outputs D's outputs for the real images, then for the generated ones, {@code [2B, 1]}
     * @param batchSize B, the real rows
     */
    void observeReal(NDArray outputs, int batchSize) {
        if (adaptive != null) {
            // Detached: the running sum lives across steps and must not join a step's graph.
            NDArray real = outputs.get(new NDIndex().addSliceDim(0, batchSize));
            heuristicSum.addi(real.stopGradient().sign().sum());
        }
    }

    /**
     * After each generator step: every ADA interval, reads the heuristic {@code r = E[sign(D(x))]} to
     * the host (the only read) and moves the probability by {@code sign(r - target) * interval *
     * batchSize / speedImages}, clipped to [0, 1] (Karras et al., 2020, §3). Does nothing without ADA.
     *
     * @param stepsDone generator steps done in the run, this one included
     * @param batchSize real images per discriminator update
     * @param updatesPerStep discriminator updates per generator step
     */
    void afterStep(long stepsDone, int batchSize, int updatesPerStep) {
        if (adaptive == null || stepsDone % adaptive.interval() != 0) {
            return;
        }
        // Adjustments fall on multiples of the interval over the whole run, so a resumed run's
        // running sum covers the same images as the uninterrupted run's.
        double r = HostReads.floats(heuristicSum)[0] / ((double) adaptive.interval() * updatesPerStep * batchSize);
        double move = Math.signum(r - adaptive.target()) * adaptive.interval() * batchSize * adaptive.stepPerImage();
        probability = Math.min(1, Math.max(0, probability + move));
        heuristicSum.muli(0f);
    }

    /** ADA's current probability, which checkpoints save; 0 without ADA. */
    double probability() {
        return adaptive == null ? 0 : probability;
    }

    /** ADA's running sum since its last adjustment, read to the host (checkpoints only); 0 without ADA. */
    double heuristicSum() {
        return adaptive == null ? 0 : HostReads.floats(heuristicSum)[0];
    }

    /** Restores ADA's state from a checkpoint; does nothing without ADA. */
    void load(double probability, double heuristicSum) {
        if (adaptive != null) {
            this.probability = probability;
            this.heuristicSum.muli(0f).addi((float) heuristicSum);
        }
    }

    /**
     * {@code (x - mean) f + mean}, the reference code's saturation and contrast, computed as {@code x f +
     * mean (1 - f)} so that a sample left alone ({@code f = 1}) keeps its pixels bit for bit.
     */
    private static NDArray towards(NDArray x, NDArray mean, NDArray f) {
        return x.mul(f).add(mean.mul(f.neg().add(1f)));
    }
}
