package dev.gan4j.examples.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gan4j.data.InMemoryImageDataset;
import dev.gan4j.export.OnnxExportOptions;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spec.Padding;
import dev.gan4j.spec.TensorShape;
import dev.gan4j.train.ComputeDevice;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.TrainedGan;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generator trained and exported by gan4j runs here with onnxruntime alone, with gan4j's numbers. */
class OnnxRuntimeOnlyTest {

    @TempDir
    static Path dir;

    private static TrainedGan gan;
    private static Path model;

    @BeforeAll
    static void trainAndExport() throws Exception {
        GeneratorSpec generator = GeneratorSpec.builder().latentDim(8)
                .dense(4 * 4 * 4, false).reshape(4, 4, 4).batchNorm().relu()
                .convTranspose(2, 4, 2, Padding.of(1), 0, false).batchNorm().leakyRelu(0.2f)
                .conv(1, 3, 1, Padding.same()).tanh()
                .build();
        DiscriminatorSpec discriminator = DiscriminatorSpec.builder().inputShape(1, 8, 8)
                .conv(4, 3, 2, Padding.same()).leakyRelu(0.2f).flatten().dense(1)
                .build();
        Random random = new Random(1);
        float[] pixels = new float[64 * 64];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat() * 2 - 1;
        }
        gan = GanTrainer.builder().generator(generator).discriminator(discriminator)
                .batchSize(16).stepsPerEpoch(5).seed(3).device(ComputeDevice.cpu())
                .build()
                .train(InMemoryImageDataset.of(pixels, TensorShape.of(1, 8, 8)));
        model = dir.resolve("generator.onnx");
        gan.exportOnnx(model);
    }

    @AfterAll
    static void close() {
        gan.close();
    }

    @Test
    void readsTheContractFromTheModelAlone() throws Exception {
        try (OnnxGenerator generator = OnnxGenerator.open(model)) {
            assertThat(generator.latentDim()).isEqualTo(8);
            assertThat(generator.imageShape()).containsExactly(1, 8, 8);
            assertThat(generator.outputRange()).isEqualTo("[-1, 1]");
            assertThat(generator.fixedBatch()).isEqualTo(-1);
            assertThat(generator.metadata()).containsEntry("gan4j.training.seed", "3")
                    .containsEntry("gan4j.training.steps", "5");
        }
    }

    @Test
    void aSeedGivesGan4jsImages() throws Exception {
        float[] expected = gan.generate(300, 7).pixels();

        try (OnnxGenerator generator = OnnxGenerator.open(model)) {
            float[] actual = GenerateWithOnnxRuntime.generateAll(generator, 300, 7);

            assertThat(maxAbsDifference(expected, actual)).isLessThanOrEqualTo(1e-4);
        }
    }

    @Test
    void aFixedBatchModelServesAnyCountInFullBatches() throws Exception {
        Path fixed = dir.resolve("fixed.onnx");
        gan.exportOnnx(fixed, OnnxExportOptions.builder().fixedBatchSize(4).build());
        float[] expected = gan.generate(10, 9).pixels();

        try (OnnxGenerator generator = OnnxGenerator.open(fixed)) {
            assertThat(generator.fixedBatch()).isEqualTo(4);
            assertThat(maxAbsDifference(expected, GenerateWithOnnxRuntime.generateAll(generator, 10, 9)))
                    .isLessThanOrEqualTo(1e-4);
        }
    }

    /**
     * The program runs in a JVM whose class path holds its own classes and onnxruntime's jar, nothing
     * else: any dependency on gan4j, DJL or another library would fail to load.
     */
    @Test
    @Slow
    void programRunsWithOnlyOnnxRuntimeOnItsClassPath() throws Exception {
        Path classes = Path.of(OnnxGenerator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> onnxruntime = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.contains("com/microsoft/onnxruntime/onnxruntime/"))
                .collect(Collectors.toList());
        assertThat(onnxruntime).hasSize(1);
        Path png = dir.resolve("grid/onnx-samples.png");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Process process = new ProcessBuilder(java, "-cp", classes + File.pathSeparator + onnxruntime.get(0),
                "dev.gan4j.examples.onnx.GenerateWithOnnxRuntime",
                "--model", model.toString(), "--count", "10", "--seed", "7", "--columns", "5", "--out", png.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("latent 8 ~ normal(0, 1) -> image 1,8,8 NCHW in [-1, 1] (contract 1)",
                "trained: recipe custom, seed 3, 5 steps", "wrote 10 images to " + png);
        assertThat(output).containsPattern("batch   1: +[0-9.]+ images/s")
                .containsPattern("batch  64: +[0-9.]+ images/s")
                .containsPattern("batch 256: +[0-9.]+ images/s");
        BufferedImage grid = ImageIO.read(png.toFile());
        assertThat(grid.getWidth()).isEqualTo(5 * 8);
        assertThat(grid.getHeight()).isEqualTo(2 * 8);
    }

    private static double maxAbsDifference(float[] a, float[] b) {
        assertThat(b).hasSameSizeAs(a);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((double) a[i] - b[i]));
        }
        return max;
    }
}
