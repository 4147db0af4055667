package dev.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The subcommands on real files: one short training run (64 images, two steps) with checkpoints, whose
 * generator, ONNX export and checkpoints the other subcommands then read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandRunTest {

    private Path dir;

    private Path out;
    private Path checkpoints;
    private String trainOutput;

    /** The output and error text of one command, and its exit code. */
    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Gan4jCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    void trainTwoSteps(@TempDir Path dir) {
        this.dir = dir;
        out = dir.resolve("out");
        checkpoints = dir.resolve("checkpoints");
        Run train = run("train", "--images", "64", "--epochs", "1", "--quality-every", "0", "--seed", "3",
                "--checkpoint-dir", checkpoints.toString(), "--out", out.toString());
        assertThat(train.code()).as(train.err()).isZero();
        trainOutput = train.out();
    }

    @Test
    void trainWritesGridsMetricsGeneratorAndOnnx() {
        assertThat(out.resolve("epoch-001.png")).isRegularFile();
        assertThat(out.resolve("samples.png")).isRegularFile();
        assertThat(out.resolve("metrics.csv")).isRegularFile();
        assertThat(out.resolve("generator.gan4j")).isRegularFile();
        assertThat(out.resolve("generator.onnx")).isRegularFile();
        assertThat(out.resolve("report.html")).isRegularFile();
        assertThat(out.resolve("progress.gif")).isRegularFile();
        assertThat(checkpoints.resolve("checkpoint-000000000002.ckpt")).isRegularFile();
        assertThat(trainOutput).contains("training dcgan on 64 images, 1 epochs, batch 32, loss nonSaturating",
                "seed 3", "trained 2 steps in ", "generator:              " + out.resolve("generator.gan4j").toAbsolutePath());
    }

    @Test
    void conditionalTrainWritesOneClassPerColumnAndAnOnnxFileWithALabelInput() throws IOException {
        Path conditional = dir.resolve("conditional");

        Run train = run("train", "--conditional", "--images", "64", "--epochs", "1", "--quality-every", "0",
                "--out", conditional.toString());

        assertThat(train.code()).as(train.err()).isZero();
        // 10 x 10 images of 28 x 28 with a 2-pixel border around each: column k draws class k
        BufferedImage grid = ImageIO.read(conditional.resolve("epoch-001.png").toFile());
        assertThat(grid.getWidth()).isEqualTo(10 * 30 + 2);
        assertThat(grid.getHeight()).isEqualTo(10 * 30 + 2);
        Run inspect = run("inspect", conditional.resolve("generator.onnx").toString());
        assertThat(inspect.code()).as(inspect.err()).isZero();
        assertThat(inspect.out()).contains("gan4j contract 2", "conditional: inputs z,label, label int64 [batch] in [0, 10)");
        assertThat(train.out()).contains("label Embedding");

        // One class from the saved generator and from its export: the same latents and label, the same images
        Path fromModel = dir.resolve("sevens-model.png");
        Path fromOnnx = dir.resolve("sevens-onnx.png");
        assertThat(run("generate", conditional.resolve("generator.gan4j").toString(), "--label", "7", "--count", "4",
                "--out", fromModel.toString()).code()).isZero();
        assertThat(run("generate", conditional.resolve("generator.onnx").toString(), "--label", "7", "--count", "4",
                "--out", fromOnnx.toString()).code()).isZero();
        assertThat(maxGreyDifference(ImageIO.read(fromModel.toFile()), ImageIO.read(fromOnnx.toFile()))).isLessThanOrEqualTo(2);
        Run outOfRange = run("generate", conditional.resolve("generator.onnx").toString(), "--label", "10",
                "--out", dir.resolve("none.png").toString());
        assertThat(outOfRange.code()).isEqualTo(Gan4jCommand.FAILED);
        assertThat(outOfRange.err()).contains("--label must be balanced or a class in [0, 10), got 10");
        Run unconditional = run("generate", out.resolve("generator.onnx").toString(), "--label", "3",
                "--out", dir.resolve("none.png").toString());
        assertThat(unconditional.err()).contains("--label 3 needs a class-conditional model (contract 2);"
                + " this one is unconditional");
    }

    @Test
    void generateFromASavedGeneratorWritesAGridOfTheCount() throws IOException {
        Path grid = dir.resolve("grid.png");

        Run generate = run("generate", out.resolve("generator.gan4j").toString(), "--count", "10", "--columns", "5",
                "--out", grid.toString());

        assertThat(generate.code()).as(generate.err()).isZero();
        BufferedImage image = ImageIO.read(grid.toFile());
        // 5 x 2 images of 28 x 28 with a 2-pixel border around each
        assertThat(image.getWidth()).isEqualTo(5 * 30 + 2);
        assertThat(image.getHeight()).isEqualTo(2 * 30 + 2);
        assertThat(generate.out()).startsWith("wrote a grid of 10 images of (1, 28, 28) to ");
    }

    @Test
    void generateFromOnnxDrawsTheSameImagesAsTheSavedGenerator() throws IOException {
        Path fromOnnx = dir.resolve("onnx-images");
        Path fromGan4j = dir.resolve("gan4j-images");

        Run onnx = run("generate", out.resolve("generator.onnx").toString(), "--count", "3", "--seed", "11",
                "--individual", "--out", fromOnnx.toString());
        Run gan4j = run("generate", out.resolve("generator.gan4j").toString(), "--count", "3", "--seed", "11",
                "--individual", "--out", fromGan4j.toString());

        assertThat(onnx.code()).as(onnx.err()).isZero();
        assertThat(gan4j.code()).as(gan4j.err()).isZero();
        try (Stream<Path> files = Files.list(fromOnnx)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("image-0000.png", "image-0001.png", "image-0002.png");
        }
        for (int i = 0; i < 3; i++) {
            String name = String.format("image-%04d.png", i);
            BufferedImage a = ImageIO.read(fromOnnx.resolve(name).toFile());
            BufferedImage b = ImageIO.read(fromGan4j.resolve(name).toFile());
            assertThat(a.getWidth()).isEqualTo(28);
            assertThat(a.getHeight()).isEqualTo(28);
            // one latent per image from one seed: the two runtimes agree to a grey level or two
            assertThat(maxGreyDifference(a, b)).as(name).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void exportWritesAnOnnxModelWithTheChosenRangeThatGenerates() {
        Path unit = dir.resolve("unit.onnx");

        Run export = run("export", out.resolve("generator.gan4j").toString(), "--onnx", unit.toString(),
                "--output-range", "unit", "--fixed-batch", "4");
        Run inspect = run("inspect", unit.toString());
        Run generate = run("generate", unit.toString(), "--count", "6", "--out", dir.resolve("unit.png").toString());

        assertThat(export.code()).as(export.err()).isZero();
        assertThat(inspect.out()).contains("-> image 1,28,28 NCHW in [0, 1], batch 4");
        assertThat(generate.code()).as(generate.err()).isZero();
        assertThat(dir.resolve("unit.png")).isRegularFile();
    }

    @Test
    void exportRefusesABadOpsetAsAUsageError() {
        Run export = run("export", out.resolve("generator.gan4j").toString(), "--onnx",
                dir.resolve("x.onnx").toString(), "--opset", "9");

        assertThat(export.code()).isEqualTo(Gan4jCommand.USAGE);
        assertThat(export.err()).contains("opset", "9", "Usage: gan4j export");
    }

    @Test
    void inspectOfASavedGeneratorShowsSpecContractAndProvenance() {
        Run inspect = run("inspect", out.resolve("generator.gan4j").toString());

        assertThat(inspect.code()).as(inspect.err()).isZero();
        assertThat(inspect.out()).contains("gan4j generator: ", "integrity: read whole;",
                "contract: latent 100 ~ normal(0, 1) -> image (1, 28, 28)", "spec:", "Generator (dcgan)",
                "provenance:", "  seed = 3", "  steps = 2", "  dataset_size = 64", "  loss = nonSaturating");
    }

    @Test
    void inspectOfACheckpointShowsItsStepSpecsAndSettings() {
        Run file = run("inspect", checkpoints.resolve("checkpoint-000000000002.ckpt").toString());
        Run directory = run("inspect", checkpoints.toString());

        assertThat(file.code()).as(file.err()).isZero();
        assertThat(file.out()).contains("gan4j checkpoint: ", "integrity: every entry matches the manifest's checksums",
                "at global step 2 (epoch 1, step 2 of 2); data: 64 images", "Generator (dcgan)", "Discriminator (dcgan)",
                "settings:");
        assertThat(directory.out()).startsWith("checkpoint directory: " + checkpoints + ", 1 checkpoints, steps [2]")
                .contains("at global step 2");
    }

    @Test
    void inspectOfAnOnnxExportShowsContractSpecAndProvenance() {
        Run inspect = run("inspect", out.resolve("generator.onnx").toString());

        assertThat(inspect.code()).as(inspect.err()).isZero();
        assertThat(inspect.out()).contains("ONNX model: ", "integrity: loads in onnxruntime; input z and output image",
                "gan4j contract 1", "contract: latent 100 ~ normal(0, 1) -> image 1,28,28 NCHW in [-1, 1], batch dynamic",
                "spec:", "provenance:", "  seed = 3", "  steps = 2");
    }

    @Test
    void inspectOfAFileThatIsNoneOfThemFails() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a model");

        Run inspect = run("inspect", text.toString());

        assertThat(inspect.code()).isEqualTo(Gan4jCommand.FAILED);
        assertThat(inspect.err()).startsWith("gan4j inspect: " + text);
    }

    @Test
    void resumeContinuesTheRunFromItsCheckpoint() {
        Path resumed = dir.resolve("resumed");

        Run resume = run("resume", checkpoints.toString(), "--images", "64", "--epochs", "2", "--out", resumed.toString());

        assertThat(resume.code()).as(resume.err()).isZero();
        assertThat(resume.out()).contains("resuming " + checkpoints + ": 2 epochs, batch 32", "trained 4 steps in ");
        assertThat(resumed.resolve("generator.gan4j")).isRegularFile();
        assertThat(checkpoints.resolve("checkpoint-000000000004.ckpt")).isRegularFile();
    }

    @Test
    void aDivergingRunStopsWithItsDiagnosisAndExitCode1() {
        Path diverged = dir.resolve("diverged");

        // an Adam step of 1e30 turns the generator's loss NaN at the first step, which health stops
        Run train = run("train", "--images", "64", "--epochs", "1", "--quality-every", "0", "--log-every", "1",
                "--learning-rate", "1e30", "--out", diverged.toString());

        assertThat(train.code()).isEqualTo(Gan4jCommand.FAILED);
        assertThat(train.err()).contains("metrics up to the stop: " + diverged.resolve("metrics.csv").toAbsolutePath(),
                "gan4j train: training stopped: divergence at global step 1", "Advice:",
                "(UnhealthyTrainingException; --stacktrace shows where)").doesNotContain("\tat ");
        assertThat(diverged.resolve("generator.gan4j")).doesNotExist();
    }

    /** The largest difference of grey level between two images of one size. */
    private static int maxGreyDifference(BufferedImage a, BufferedImage b) {
        assertThat(b.getWidth()).isEqualTo(a.getWidth());
        assertThat(b.getHeight()).isEqualTo(a.getHeight());
        int worst = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                worst = Math.max(worst, Math.abs((a.getRGB(x, y) & 0xFF) - (b.getRGB(x, y) & 0xFF)));
            }
        }
        return worst;
    }
}
