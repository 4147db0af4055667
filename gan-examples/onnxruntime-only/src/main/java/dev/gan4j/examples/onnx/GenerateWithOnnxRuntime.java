package dev.gan4j.examples.onnx;

import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a gan4j generator exported to ONNX with onnxruntime and the JDK alone: reads the contract from
 * the model's metadata, draws {@code --count} images from {@code --seed}, writes them as a PNG grid and
 * prints the inference throughput at batch 1, 64 and 256. A class-conditional model (contract 2) draws
 * balanced classes, image {@code i} of class {@code i % classes} (as gan4j's {@code generate(n, seed)}),
 * or only class {@code --label K}.
 *
 * <pre>
 * java -cp onnxruntime.jar:. dev.gan4j.examples.onnx.GenerateWithOnnxRuntime \
 *     --model gan4j-out/generator.onnx --count 64 --seed 7 --out gan4j-out/onnx-samples.png
 * </pre>
 */
public final class GenerateWithOnnxRuntime {

    private static final int[] BENCHMARK_BATCHES = {1, 64, 256};

    private GenerateWithOnnxRuntime() {}

    public static void main(String[] args) throws IOException, OrtException {
        Map<String, String> options = Arguments.parse(args,
                Map.of("--model", "gan4j-out/generator.onnx", "--count", "64", "--seed", "7",
                        "--out", "gan4j-out/onnx-samples.png", "--columns", "8", "--benchmark", "true",
                        "--label", "balanced"));
        Path model = Path.of(options.get("--model"));
        int count = Arguments.positive(options, "--count");
        long seed = Long.parseLong(options.get("--seed"));
        int columns = Arguments.positive(options, "--columns");
        Path out = Path.of(options.get("--out"));

        try (OnnxGenerator generator = OnnxGenerator.open(model)) {
            Map<String, String> m = generator.metadata();
            System.out.printf(Locale.ROOT, "%s: %s, latent %d ~ %s -> image %s %s in %s (contract %s)%n", model,
                    m.get("gan4j.producer"), generator.latentDim(), m.get("gan4j.latent_distribution"),
                    m.get("gan4j.image_shape"), m.get("gan4j.layout"), generator.outputRange(),
                    m.get("gan4j.contract_version"));
            System.out.printf(Locale.ROOT, "trained: recipe %s, seed %s, %s steps, %s%n",
                    m.get("gan4j.training.recipe"), m.get("gan4j.training.seed"), m.get("gan4j.training.steps"),
                    m.get("gan4j.training.engine"));

            float[] images = generateAll(generator, count, seed, labels(generator, options.get("--label"), count));
            PngGrid.write(out, images, count, generator.imageShape(), generator.outputRange(), columns);
            System.out.println("wrote " + count + " images to " + out);

            if (Boolean.parseBoolean(options.get("--benchmark"))) {
                for (int batch : BENCHMARK_BATCHES) {
                    if (generator.fixedBatch() > 0 && batch != generator.fixedBatch()) {
                        continue;
                    }
                    System.out.printf(Locale.ROOT, "onnxruntime inference, batch %3d: %8.1f images/s%n",
                            batch, imagesPerSecond(generator, batch));
                }
            }
        }
    }

    /**
     * Returns the labels of {@code --label}: {@code null} for an unconditional model, balanced classes
     * ({@code i % classes}) for {@code balanced}, else {@code count} times the class given.
     *
     * @throws IllegalArgumentException if a class is given to an unconditional model, or is not an integer
     *     in {@code [0, classes)}
     */
    public static long[] labels(OnnxGenerator generator, String label, int count) {
        int classes = generator.classes();
        if (classes == 0) {
            if (!"balanced".equals(label)) {
                throw new IllegalArgumentException("--label " + label + " needs a class-conditional model (contract 2);"
                        + " this one is unconditional");
            }
            return null;
        }
        long[] labels = new long[count];
        if ("balanced".equals(label)) {
            for (int i = 0; i < count; i++) {
                labels[i] = i % classes;
            }
            return labels;
        }
        long k;
        try {
            k = Long.parseLong(label);
        } catch (NumberFormatException e) {
            k = -1;
        }
        if (k < 0 || k >= classes) {
            throw new IllegalArgumentException("--label must be balanced or a class in [0, " + classes + "), got " + label);
        }
        java.util.Arrays.fill(labels, k);
        return labels;
    }

    /**
     * Draws {@code count} images from the latents of {@code seed} ({@link NormalLatents}) in chunks the
     * model accepts; {@code count * C * H * W} floats in the model's output range. The gan4j command's
     * {@code generate} uses it too. A conditional model draws balanced classes, {@code i % classes}.
     */
    public static float[] generateAll(OnnxGenerator generator, int count, long seed) throws OrtException {
        return generateAll(generator, count, seed, labels(generator, "balanced", count));
    }

    /**
     * Draws {@code count} images as {@link #generateAll(OnnxGenerator, int, long)} does, image {@code i} of
     * class {@code labels[i]} from a conditional model ({@code labels} {@code null} for an unconditional
     * one).
     */
    public static float[] generateAll(OnnxGenerator generator, int count, long seed, long[] labels) throws OrtException {
        int latentDim = generator.latentDim();
        int[] chw = generator.imageShape();
        int imageSize = chw[0] * chw[1] * chw[2];
        float[] z = NormalLatents.draw(count, latentDim, seed);
        float[] images = new float[Math.multiplyExact(count, imageSize)];
        int chunk = generator.fixedBatch() > 0 ? (int) generator.fixedBatch() : 256;
        for (int from = 0; from < count; from += chunk) {
            int n = Math.min(chunk, count - from);
            // A fixed-batch model always gets a full batch; the padding rows' images are dropped.
            int run = generator.fixedBatch() > 0 ? chunk : n;
            float[] part = new float[run * latentDim];
            System.arraycopy(z, from * latentDim, part, 0, n * latentDim);
            float[] result;
            if (labels == null) {
                result = generator.generate(part, run);
            } else {
                long[] partLabels = new long[run];
                System.arraycopy(labels, from, partLabels, 0, n);
                result = generator.generate(part, partLabels, run);
            }
            System.arraycopy(result, 0, images, from * imageSize, n * imageSize);
        }
        return images;
    }

    /** Warms up, then times whole batches for about two seconds. */
    static double imagesPerSecond(OnnxGenerator generator, int batch) throws OrtException {
        float[] z = NormalLatents.draw(batch, generator.latentDim(), 1);
        long[] labels = labels(generator, "balanced", batch);
        for (int i = 0; i < 3; i++) {
            generateBatch(generator, z, labels, batch);
        }
        int runs = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            generateBatch(generator, z, labels, batch);
            runs++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < 2_000_000_000L || runs < 3);
        return (double) runs * batch / (elapsed / 1e9);
    }

    private static float[] generateBatch(OnnxGenerator generator, float[] z, long[] labels, int batch) throws OrtException {
        return labels == null ? generator.generate(z, batch) : generator.generate(z, labels, batch);
    }
}
