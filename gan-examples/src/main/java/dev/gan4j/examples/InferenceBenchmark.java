package dev.gan4j.examples;

import ai.onnxruntime.OrtException;
import dev.gan4j.data.Mnist;
import dev.gan4j.examples.onnx.OnnxGenerator;
import dev.gan4j.export.OnnxExportOptions;
import dev.gan4j.export.OnnxExportOptions.BatchNormExport;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.Latents;
import dev.gan4j.train.TrainedGan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Measures generator inference in one process: DJL (PyTorch) against onnxruntime on the exported
 * model (through the onnxruntime-only client, {@link OnnxGenerator}), with BatchNorm folded into the
 * weights and as nodes, at batch 1, 64 and 256, for both presets.
 * Both sides take latents from the host and return images to the host.
 *
 * <pre>
 * InferenceBenchmark [--preset dcgan|keras|both] [--seconds 3]
 * </pre>
 */
public final class InferenceBenchmark {

    private static final int[] BATCHES = {1, 64, 256};

    private InferenceBenchmark() {}

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException, OrtException {
        String preset = "both";
        double seconds = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--preset":
                    preset = args[i + 1];
                    break;
                case "--seconds":
                    seconds = Double.parseDouble(args[i + 1]);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "%-11s %6s %14s %20s %20s %9s%n",
                "preset", "batch", "DJL images/s", "ORT folded images/s", "ORT nodes images/s", "ORT/DJL");
        Path dir = Files.createTempDirectory("gan4j-inference");
        for (String name : preset.equals("both") ? List.of("dcgan", "keras") : List.of(preset)) {
            run(name, seconds, dir);
        }
    }

    private static void run(String preset, double seconds, Path dir) throws IOException, OrtException {
        boolean keras = preset.equals("keras");
        GeneratorSpec g = keras ? GeneratorSpec.kerasDcgan().build() : GeneratorSpec.dcgan().build();
        DiscriminatorSpec d = keras ? DiscriminatorSpec.kerasDcgan().build() : DiscriminatorSpec.dcgan().build();
        // A few steps give BatchNorm real running statistics; speed does not depend on the values.
        try (TrainedGan gan = GanTrainer.builder().generator(g).discriminator(d)
                .batchSize(64).stepsPerEpoch(3).seed(1).build()
                .train(Mnist.bundledTrainingSet())) {
            Path folded = dir.resolve(preset + "-folded.onnx");
            Path nodes = dir.resolve(preset + "-nodes.onnx");
            gan.exportOnnx(folded);
            gan.exportOnnx(nodes, OnnxExportOptions.builder().batchNorm(BatchNormExport.NODES).build());
            // DJL first, before any onnxruntime session exists: its idle threads spin for a while
            // after each run, which would slow whatever runs next in the process.
            double[] djl = new double[BATCHES.length];
            for (int i = 0; i < BATCHES.length; i++) {
                float[] z = Latents.normal(BATCHES[i], g.latentDim(), BATCHES[i]);
                djl[i] = rate(BATCHES[i], seconds, () -> gan.generate(z));
            }
            try (OnnxGenerator foldedModel = OnnxGenerator.open(folded);
                    OnnxGenerator nodesModel = OnnxGenerator.open(nodes)) {
                for (int i = 0; i < BATCHES.length; i++) {
                    int batch = BATCHES[i];
                    float[] z = Latents.normal(batch, g.latentDim(), batch);
                    double ortFolded = rate(batch, seconds, () -> generate(foldedModel, z, batch));
                    double ortNodes = rate(batch, seconds, () -> generate(nodesModel, z, batch));
                    System.out.printf(Locale.ROOT, "%-11s %6d %14.1f %20.1f %20.1f %8.2fx%n",
                            preset, batch, djl[i], ortFolded, ortNodes, ortFolded / djl[i]);
                }
            }
        }
    }

    private static void generate(OnnxGenerator model, float[] z, int batch) {
        try {
            model.generate(z, batch);
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Images per second: three warm-up calls, then whole calls for at least {@code seconds}. */
    private static double rate(int batch, double seconds, Runnable call) {
        for (int i = 0; i < 3; i++) {
            call.run();
        }
        long budget = (long) (seconds * 1e9);
        int runs = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            call.run();
            runs++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < budget || runs < 3);
        return (double) runs * batch / (elapsed / 1e9);
    }
}
