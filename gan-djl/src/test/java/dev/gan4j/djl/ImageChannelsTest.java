package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gan4j.data.InMemoryImageDataset;
import dev.gan4j.image.ImageBatch;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spec.Padding;
import dev.gan4j.spec.TensorShape;
import dev.gan4j.train.ComputeDevice;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.TrainedGan;
import dev.gan4j.train.listener.SampleGrids;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generators of gray-and-alpha (2 channels) and RGBA (4 channels) images train, draw their epoch
 * grids and generate: the image code draws every channel count a PNG holds.
 */
class ImageChannelsTest {

    /** The PNG colour type in the IHDR chunk: 2 for RGB, 6 for RGB with alpha (PNG spec, 11.2.2). */
    private static final int PNG_RGBA = 6;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} channels")
    @ValueSource(ints = {2, 4})
    void generatorWithAlphaTrainsAnEpochAndItsSampleGridKeepsTheAlpha(int channels) throws IOException {
        SampleGrids grids = SampleGrids.into(dir, 4, 2, 7);
        GanTrainer trainer = GanTrainer.builder()
                .generator(generator(channels))
                .discriminator(discriminator(channels))
                .batchSize(8).stepsPerEpoch(2).epochs(1).logEvery(1)
                .device(ComputeDevice.cpu()).seed(3)
                .listener(grids)
                .build();

        try (TrainedGan gan = trainer.train(data(channels, 16))) {
            ImageBatch samples = gan.generate(4, 7);

            assertThat(samples.imageShape()).isEqualTo(TensorShape.of(channels, 8, 8));
            Path png = grids.fileFor(1);
            assertThat(Files.readAllBytes(png)[25]).as("PNG colour type").isEqualTo((byte) PNG_RGBA);
            BufferedImage read = ImageIO.read(png.toFile());
            assertThat(read.getColorModel().hasAlpha()).isTrue();
            // The grid is drawn from the epoch's generator, the one train returned; image 0 sits at (2, 2).
            float[] image = samples.image(0);
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    assertThat(read.getRGB(2 + x, 2 + y)).as("pixel (%d, %d)", x, y)
                            .isEqualTo(argb(image, channels, y * 8 + x));
                }
            }
        }
    }

    /** The expected ARGB of pixel {@code p}: gray (1 plane) or red, green, blue (3), then alpha. */
    private static int argb(float[] image, int channels, int p) {
        int colours = channels - 1;
        int r = toByte(image[p]);
        int g = colours == 3 ? toByte(image[64 + p]) : r;
        int b = colours == 3 ? toByte(image[128 + p]) : r;
        int a = toByte(image[colours * 64 + p]);
        return (a << 24) | (r << 16) | (g << 8) | b;
    }

    private static int toByte(float v) {
        return Math.max(0, Math.min(255, Math.round((v + 1f) * 127.5f)));
    }

    private static GeneratorSpec generator(int channels) {
        return GeneratorSpec.builder().latentDim(8)
                .dense(2 * 4 * 4, false).reshape(2, 4, 4).batchNorm().relu()
                .convTranspose(channels, 3, 2, Padding.same()).tanh()
                .build();
    }

    private static DiscriminatorSpec discriminator(int channels) {
        return DiscriminatorSpec.builder().inputShape(channels, 8, 8)
                .conv(4, 3, 2, Padding.same()).leakyRelu(0.2f)
                .flatten().dense(1)
                .build();
    }

    private static InMemoryImageDataset data(int channels, int count) {
        Random random = new Random(channels);
        float[] pixels = new float[count * channels * 64];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat() * 2 - 1;
        }
        return InMemoryImageDataset.of(pixels, TensorShape.of(channels, 8, 8));
    }
}
