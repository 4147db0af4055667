package dev.gan4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.spec.TensorShape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageBatchTest {

    private static final TensorShape MNIST = TensorShape.of(1, 28, 28);
    private static final TensorShape TINY = TensorShape.of(1, 2, 2);

    @TempDir
    Path dir;

    @Test
    void holdsCountShapeAndACopyOfThePixels() {
        float[] pixels = {0f, 0.1f, 0.2f, 0.3f, -0.4f, -0.5f, -0.6f, -0.7f};
        ImageBatch batch = ImageBatch.of(pixels, 2, TINY);

        pixels[0] = 1f;
        batch.pixels()[1] = 1f;
        batch.image(1)[0] = 1f;

        assertThat(batch.count()).isEqualTo(2);
        assertThat(batch.imageShape()).isEqualTo(TINY);
        assertThat(batch.pixels()).containsExactly(0f, 0.1f, 0.2f, 0.3f, -0.4f, -0.5f, -0.6f, -0.7f);
        assertThat(batch.image(1)).containsExactly(-0.4f, -0.5f, -0.6f, -0.7f);
    }

    @Test
    void imageRejectsAnIndexOutsideTheBatchNamingTheValidRange() {
        ImageBatch batch = ImageBatch.of(new float[8], 2, TINY);

        assertThatThrownBy(() -> batch.image(-1))
                .isExactlyInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("index -1 is not within the 2 images [0, 2)");
        assertThatThrownBy(() -> batch.image(2))
                .isExactlyInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("index 2 is not within the 2 images [0, 2)");
    }

    @Test
    void rejectsShapesThatAreNotImagesAPngHolds() {
        assertThatThrownBy(() -> ImageBatch.of(new float[20], 1, TensorShape.of(5, 2, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("imageShape channels must be 1 (grey), 2 (grey and alpha), 3 (RGB) or 4 (RGBA),"
                        + " got 5 in (5, 2, 2)");
        assertThatThrownBy(() -> ImageBatch.of(new float[784], 1, TensorShape.of(28, 28)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("imageShape must be an image (C, H, W), got (28, 28)");
    }

    @Test
    void rejectsPixelCountThatDoesNotMatch() {
        assertThatThrownBy(() -> ImageBatch.of(new float[5], 1, TINY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pixels has 5 floats; 1 images of (1, 2, 2) need 4");
        assertThatThrownBy(() -> ImageBatch.of(new float[784], 2, MNIST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pixels has 784 floats; 2 images of (1, 28, 28) need 1568");
    }

    @Test
    void rejectsZeroImagesSayingACountIsNeeded() {
        assertThatThrownBy(() -> ImageBatch.of(new float[0], 0, TINY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count must be >= 1, got 0");
        assertThatThrownBy(() -> ImageBatch.of(new float[4], -1, TINY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count must be >= 1, got -1");
    }

    @Test
    void holdsAsManyImagesAsFitTheLargestJavaArray() {
        assertThat(ImageBatch.maxCount(MNIST)).isEqualTo(2_739_137);
        assertThat(ImageBatch.maxCount(TensorShape.of(3, 64, 64))).isEqualTo(174_762);
        assertThat(ImageBatch.checkCount(2_739_137, MNIST)).isEqualTo(2_739_137);
        assertThatThrownBy(() -> ImageBatch.checkCount(2_739_138, MNIST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count 2739138 images of (1, 28, 28) are 2147484192 floats; an ImageBatch holds at most"
                        + " 2147483639 (the largest Java array): at most 2739137 images of (1, 28, 28) at once."
                        + " Generate them in parts");
    }

    @Test
    void checkCountRefusesNoImagesAndAnImageLargerThanABatch() {
        assertThatThrownBy(() -> ImageBatch.checkCount(0, MNIST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count must be >= 1, got 0");
        assertThat(ImageBatch.maxCount(TensorShape.of(4, 32768, 32768))).isZero();
        assertThatThrownBy(() -> ImageBatch.checkCount(1, TensorShape.of(4, 32768, 32768)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("one image of (4, 32768, 32768) is 4294967296 floats; an ImageBatch holds at most"
                        + " 2147483639 (the largest Java array)");
    }

    @Test
    void gridHasTwoPixelBordersAroundEveryImage() {
        ImageBatch batch = ImageBatch.of(new float[10 * 784], 10, MNIST);

        BufferedImage grid = batch.toGrid(4);

        assertThat(grid.getWidth()).isEqualTo(4 * 30 + 2);
        assertThat(grid.getHeight()).isEqualTo(3 * 30 + 2);
    }

    @Test
    void gridIsNoWiderThanTheImagesInIt() {
        ImageBatch batch = ImageBatch.of(new float[3 * 784], 3, MNIST);

        BufferedImage grid = batch.toGrid(10);

        assertThat(grid.getWidth()).isEqualTo(3 * 30 + 2);
        assertThat(grid.getHeight()).isEqualTo(30 + 2);
    }

    @Test
    void mapsMinusOneToOneOntoZeroTo255AndClips() {
        ImageBatch batch = ImageBatch.of(new float[] {-1f, 1f, 0f, 0.5f, 2f, -3f, Float.NaN, -0.999f}, 2, TINY);

        BufferedImage grid = batch.toGrid(2);

        // Image 0 at (2, 2), image 1 at (2 + 2 + 2, 2); each 2x2, row-major.
        assertThat(grey(grid, 2, 2)).isEqualTo(0);
        assertThat(grey(grid, 3, 2)).isEqualTo(255);
        assertThat(grey(grid, 2, 3)).isEqualTo(128);
        assertThat(grey(grid, 3, 3)).isEqualTo(191);
        assertThat(grey(grid, 6, 2)).isEqualTo(255);
        assertThat(grey(grid, 7, 2)).isEqualTo(0);
        assertThat(grey(grid, 6, 3)).isEqualTo(0);
        assertThat(grey(grid, 7, 3)).isEqualTo(0);
    }

    @Test
    void greyImagesAreGreyAndBordersBlack() {
        ImageBatch batch = ImageBatch.of(new float[] {0f, 0f, 0f, 0f}, 1, TINY);

        BufferedImage grid = batch.toGrid(1);

        assertThat(grid.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0x808080);
        assertThat(grid.getRGB(0, 0) & 0xFFFFFF).isZero();
        assertThat(grid.getRGB(4, 4) & 0xFFFFFF).isZero();
    }

    @Test
    void colourImagesTakeRedGreenAndBlueFromTheirThreePlanes() {
        // One 3x1x2 image: red plane {1, -1}, green plane {-1, 1}, blue plane {0, -1}.
        ImageBatch batch = ImageBatch.of(new float[] {1f, -1f, -1f, 1f, 0f, -1f}, 1, TensorShape.of(3, 1, 2));

        BufferedImage grid = batch.toGrid(1);

        assertThat(grid.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFF0080);
        assertThat(grid.getRGB(3, 2) & 0xFFFFFF).isEqualTo(0x00FF00);
    }

    @Test
    void greyAndAlphaImagesAreGreyWithTheirSecondPlaneAsAlpha() {
        // One 2x1x2 image: grey plane {1, -1}, alpha plane {-1, 0}.
        ImageBatch batch = ImageBatch.of(new float[] {1f, -1f, -1f, 0f}, 1, TensorShape.of(2, 1, 2));

        BufferedImage grid = batch.toGrid(1);

        assertThat(grid.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(Integer.toHexString(grid.getRGB(2, 2))).isEqualTo("ffffff");
        assertThat(Integer.toHexString(grid.getRGB(3, 2))).isEqualTo("80000000");
    }

    @Test
    void rgbaImagesTakeTheirAlphaFromTheFourthPlane() {
        // One 4x1x2 image: red {1, -1}, green {-1, 1}, blue {0, -1}, alpha {1, 0}.
        ImageBatch batch = ImageBatch.of(new float[] {1f, -1f, -1f, 1f, 0f, -1f, 1f, 0f}, 1, TensorShape.of(4, 1, 2));

        BufferedImage grid = batch.toGrid(1);

        assertThat(grid.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(Integer.toHexString(grid.getRGB(2, 2))).isEqualTo("ffff0080");
        assertThat(Integer.toHexString(grid.getRGB(3, 2))).isEqualTo("8000ff00");
    }

    @Test
    void bordersOfImagesWithAlphaStayOpaqueBlack() {
        ImageBatch batch = ImageBatch.of(new float[2 * 2 * 4], 2, TensorShape.of(4, 1, 2));

        BufferedImage grid = batch.toGrid(2);

        assertThat(Integer.toHexString(grid.getRGB(0, 0))).isEqualTo("ff000000");
        assertThat(Integer.toHexString(grid.getRGB(4, 2))).isEqualTo("ff000000");
        assertThat(Integer.toHexString(grid.getRGB(grid.getWidth() - 1, grid.getHeight() - 1))).isEqualTo("ff000000");
    }

    @ParameterizedTest(name = "{0} channels")
    @ValueSource(ints = {1, 2, 3, 4})
    void pngHasAnAlphaChannelExactlyWhenTheImagesHaveOne(int channels) throws IOException {
        ImageBatch batch = ImageBatch.of(ramp(3 * channels), 3, TensorShape.of(channels, 28, 28));
        Path file = dir.resolve("grid.png");

        batch.writeGridPng(file, 2);

        // The colour type, byte 25 of the file in the IHDR chunk: 2 is RGB, 6 RGB with alpha.
        assertThat(Files.readAllBytes(file)[25]).isEqualTo((byte) (channels % 2 == 0 ? 6 : 2));
        BufferedImage read = ImageIO.read(file.toFile());
        BufferedImage expected = batch.toGrid(2);
        assertThat(read.getColorModel().hasAlpha()).isEqualTo(channels % 2 == 0);
        for (int y = 0; y < read.getHeight(); y++) {
            for (int x = 0; x < read.getWidth(); x++) {
                assertThat(read.getRGB(x, y)).as("pixel (%d, %d)", x, y).isEqualTo(expected.getRGB(x, y));
            }
        }
    }

    @Test
    void rejectsColumnsBelowOne() {
        ImageBatch batch = ImageBatch.of(new float[4], 1, TINY);

        assertThatThrownBy(() -> batch.toGrid(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("columns must be >= 1, got 0");
    }

    @Test
    void writesAReadablePngAndNoTemporaryFile() throws IOException {
        ImageBatch batch = ImageBatch.of(ramp(10), 10, MNIST);
        Path file = dir.resolve("samples/grid.png");

        batch.writeGridPng(file, 4);

        BufferedImage read = ImageIO.read(file.toFile());
        BufferedImage expected = batch.toGrid(4);
        assertThat(read).isNotNull();
        assertThat(read.getWidth()).isEqualTo(122);
        assertThat(read.getHeight()).isEqualTo(92);
        for (int y = 0; y < read.getHeight(); y++) {
            for (int x = 0; x < read.getWidth(); x++) {
                assertThat(read.getRGB(x, y)).as("pixel (%d, %d)", x, y).isEqualTo(expected.getRGB(x, y));
            }
        }
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void replacesAnExistingPng() throws IOException {
        Path file = dir.resolve("grid.png");
        ImageBatch.of(new float[784], 1, MNIST).writeGridPng(file, 1);

        ImageBatch.of(new float[4 * 784], 4, MNIST).writeGridPng(file, 2);

        assertThat(ImageIO.read(file.toFile()).getWidth()).isEqualTo(2 * 30 + 2);
    }

    private static int grey(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xFF;
        assertThat(rgb & 0xFF).isEqualTo(r);
        assertThat((rgb >> 8) & 0xFF).isEqualTo(r);
        return r;
    }

    /** Images whose pixels run from -1 to 1, so a wrong mapping shows. */
    private static float[] ramp(int count) {
        float[] pixels = new float[count * 784];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i % 784) / 391.5f - 1f;
        }
        return pixels;
    }
}
