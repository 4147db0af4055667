package dev.gan4j.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.gan4j.data.ImageDataset;
import dev.gan4j.internal.data.ShiftedBatches;
import dev.gan4j.quality.Classification;
import dev.gan4j.quality.ClassifierTraining;
import dev.gan4j.spec.ClassifierSpec;
import dev.gan4j.spec.TensorShape;
import dev.gan4j.train.Adam;
import dev.gan4j.train.GanException;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains image classifiers and runs them, for the quality metric. Training is the textbook recipe:
 * softmax cross-entropy on the logits, Adam, shuffled mini-batches with random shifts; initial
 * weights and batches come from a host generator seeded by the recipe, so torch's process-global
 * generator, which a GAN being trained relies on, is never touched.
 */
final class DjlClassifiers {

    /** Images per forward pass when classifying, to bound device memory. */
    private static final int CHUNK = 500;

    private DjlClassifiers() {}

    static byte[] train(ClassifierSpec spec, ClassifierTraining training, ImageDataset data) {
        checkImages(spec, data);
        if (!data.hasLabels()) {
            throw new IllegalArgumentException("classifier training data has no labels; give a labelled data set");
        }
        int n = data.size();
        int batch = training.batchSize();
        if (n < batch) {
            throw new IllegalArgumentException("classifier training data of " + n
                    + " images is smaller than one batch of " + batch + "; use a smaller batchSize");
        }
        int classes = spec.classes();
        for (int i = 0; i < n; i++) {
            int label = data.label(i);
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("image " + i + " has label " + label + "; the classifier has "
                        + classes + " classes, labels must be in [0, " + classes + ")");
            }
        }
        SplittableRandom random = new SplittableRandom(training.seed());
        ShiftedBatches batches = new ShiftedBatches(data, training.maxShift(), random.split());
        int steps = training.epochs() * (n / batch);
        Engine engine = DjlEngine.get();
        Device device = engine.defaultDevice();
        boolean wasRecording = GradMode.set(false);
        try (NDManager root = NDManager.newBaseManager(device, engine.getEngineName())) {
            Network network = Network.create(spec.stack(), root, random.split());
            Optimizer optimizer = optimizer(training.optimizer(), steps);
            TensorShape shape = spec.inputShape();
            Shape batchShape = new Shape(batch, shape.dim(0), shape.dim(1), shape.dim(2));
            float[] images = new float[Math.toIntExact(batchShape.size())];
            int[] labels = new int[batch];
            float[] targets = new float[batch * classes];
            for (int s = 1; s <= steps; s++) {
                batches.next(batch, images, labels);
                Arrays.fill(targets, 0f);
                for (int b = 0; b < batch; b++) {
                    targets[b * classes + labels[b]] = 1f;
                }
                try (NDManager step = root.newSubManager()) {
                    NDArray x = step.create(images, batchShape);
                    NDArray y = step.create(targets, new Shape(batch, classes));
                    try (GradientCollector collector = engine.newGradientCollector()) {
                        NDArray logits = network.forward(x, true);
                        // Mean softmax cross-entropy: -sum(y * log_softmax(logits)) per image.
                        NDArray loss = logits.logSoftmax(1).mul(y).sum(new int[] {1}).mean().neg();
                        collector.backward(loss);
                        for (Param p : network.params()) {
                            if (p.trainable()) {
                                try (NDArray grad = p.array().getGradient()) {
                                    optimizer.update(p.name(), p.array(), grad);
                                }
                            }
                        }
                    }
                } catch (RuntimeException e) {
                    throw new GanException("classifier training failed at step " + s + " of " + steps + ": "
                            + e.getMessage(), e);
                }
            }
            return ClassifierWeights.encode(network.params());
        } finally {
            GradMode.set(wasRecording);
        }
    }

    /** Adam whose learning rate falls linearly from its value to a tenth of it over the run. */
    private static Optimizer optimizer(Adam adam, int steps) {
        float lr = (float) adam.learningRate();
        Tracker tracker = update -> lr * (1f - 0.9f * Math.min(update, steps) / steps);
        return ai.djl.training.optimizer.Adam.builder()
                .optLearningRateTracker(tracker)
                .optBeta1((float) adam.beta1())
                .optBeta2((float) adam.beta2())
                .optEpsilon((float) adam.epsilon())
                .build();
    }

    static Classification classify(ClassifierSpec spec, byte[] weights, ImageDataset images) {
        checkImages(spec, images);
        int n = images.size();
        int classes = spec.classes();
        int features = spec.featureSize();
        int last = spec.layers().size() - 1;
        TensorShape shape = spec.inputShape();
        int imageSize = Math.toIntExact(shape.size());
        float[] probabilities = new float[Math.multiplyExact(n, classes)];
        float[] featureValues = new float[Math.multiplyExact(n, features)];
        Engine engine = DjlEngine.get();
        boolean wasRecording = GradMode.set(false);
        try (NDManager root = NDManager.newBaseManager(engine.defaultDevice(), engine.getEngineName())) {
            List<Param> params = ClassifierWeights.decode(weights, root);
            Network network = Network.withParams(spec.stack(), params);
            for (int from = 0; from < n; from += CHUNK) {
                int count = Math.min(CHUNK, n - from);
                float[] chunk = new float[count * imageSize];
                images.copyImages(from, count, FloatBuffer.wrap(chunk));
                try (NDManager scope = root.newSubManager()) {
                    NDArray x = scope.create(chunk, new Shape(count, shape.dim(0), shape.dim(1), shape.dim(2)));
                    NDArray f = network.forward(x, false, 0, last);
                    NDArray p = network.forward(f, false, last, last + 1).softmax(1);
                    System.arraycopy(HostReads.floats(f), 0, featureValues, from * features, count * features);
                    System.arraycopy(HostReads.floats(p), 0, probabilities, from * classes, count * classes);
                }
            }
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new GanException("classifying " + n + " images failed: " + e.getMessage(), e);
        } finally {
            GradMode.set(wasRecording);
        }
        return Classification.of(classes, probabilities, features, featureValues);
    }

    private static void checkImages(ClassifierSpec spec, ImageDataset images) {
        if (!images.imageShape().equals(spec.inputShape())) {
            throw new IllegalArgumentException("images have shape " + images.imageShape()
                    + " but the classifier takes " + spec.inputShape());
        }
    }
}
