package dev.gan4j.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gan4j.data.InMemoryImageDataset;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spec.Padding;
import dev.gan4j.spec.TensorShape;
import dev.gan4j.train.ComputeDevice;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.TrainedGan;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short real training run through the DJL engine writes the report. */
class RealRunReportTest {

    @TempDir
    Path dir;

    static GeneratorSpec generator() {
        return GeneratorSpec.builder().latentDim(8)
                .dense(2 * 4 * 4, false).reshape(2, 4, 4).batchNorm().relu()
                .convTranspose(1, 3, 2, Padding.same()).tanh()
                .build();
    }

    static DiscriminatorSpec discriminator() {
        return DiscriminatorSpec.builder().inputShape(1, 8, 8)
                .conv(4, 3, 2, Padding.same()).leakyRelu(0.2f)
                .flatten().dense(1)
                .build();
    }

    /** Random images in [-1, 1], 1x8x8. */
    static InMemoryImageDataset data(int count, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[count * 64];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat() * 2 - 1;
        }
        return InMemoryImageDataset.of(pixels, TensorShape.of(1, 8, 8));
    }

    @Test
    void aShortDjlRunWritesTheReportWithItsEpochsCurvesAndProvenance() throws Exception {
        RunReport report = RunReport.builder(dir).title("tiny run").samples(16, 4).build();

        try (TrainedGan gan = GanTrainer.builder().generator(generator()).discriminator(discriminator())
                .batchSize(16).stepsPerEpoch(4).epochs(3).logEvery(2).device(ComputeDevice.cpu()).seed(11)
                .listener(report).build().train(data(128, 1))) {
            assertThat(gan.provenance().steps()).isEqualTo(12);
        }

        String html = Files.readString(report.file(), StandardCharsets.UTF_8);
        assertThat(html).contains("<title>tiny run</title>")
                .contains("Finished: epoch 3 of 3, global step 12")
                .contains("id=\"chart-losses\"", "id=\"chart-outputs\"", "id=\"chart-accuracy\"",
                        "id=\"chart-gradients\"", "id=\"chart-diversity\"")
                .contains("data-frames=\"3\"")
                .contains("<tr><th>engine</th><td>DJL ")
                .contains("<tr><th>steps</th><td>12</td></tr>")
                .contains("No health condition raised")
                .doesNotContain("http-equiv=\"refresh\"");
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(Files.readAllBytes(report.gifFile())))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(3);
            // 4 columns of 8-pixel samples with 2-pixel borders.
            assertThat(reader.read(2).getWidth()).isEqualTo(4 * 10 + 2);
            reader.dispose();
        }
    }
}
