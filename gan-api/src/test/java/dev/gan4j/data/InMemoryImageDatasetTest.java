package dev.gan4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.spec.TensorShape;
import java.nio.BufferOverflowException;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

class InMemoryImageDatasetTest {

    private static final TensorShape ONE_BY_TWO_BY_TWO = TensorShape.of(1, 2, 2);

    /** Three 1x2x2 images; image i holds the values 0.i0, 0.i1, 0.i2, 0.i3 (roughly). */
    private static float[] threeImages() {
        float[] pixels = new float[12];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i / 20f;
        }
        return pixels;
    }

    @Test
    void copiesImagesInOrderIntoTheBuffer() {
        InMemoryImageDataset set = InMemoryImageDataset.of(threeImages(), ONE_BY_TWO_BY_TWO, new int[] {7, 8, 9});
        FloatBuffer dst = FloatBuffer.allocate(8);

        set.copyImages(1, 2, dst);

        assertThat(dst.position()).isEqualTo(8);
        assertThat(dst.array()).containsExactly(
                4 / 20f, 5 / 20f, 6 / 20f, 7 / 20f, 8 / 20f, 9 / 20f, 10 / 20f, 11 / 20f);
    }

    @Test
    void reportsSizeShapeAndLabels() {
        InMemoryImageDataset set = InMemoryImageDataset.of(threeImages(), ONE_BY_TWO_BY_TWO, new int[] {7, 8, 9});

        assertThat(set.size()).isEqualTo(3);
        assertThat(set.imageShape()).isEqualTo(ONE_BY_TWO_BY_TWO);
        assertThat(set.hasLabels()).isTrue();
        assertThat(set.label(2)).isEqualTo(9);
        assertThat(set).hasToString("InMemoryImageDataset[3 images of (1, 2, 2), labelled]");
    }

    @Test
    void keepsItsOwnCopiesOfTheArrays() {
        float[] pixels = threeImages();
        int[] labels = {7, 8, 9};
        InMemoryImageDataset set = InMemoryImageDataset.of(pixels, ONE_BY_TWO_BY_TWO, labels);

        pixels[0] = 1f;
        labels[0] = 0;
        set.image(0)[1] = 1f;

        assertThat(set.image(0)).containsExactly(0f, 1 / 20f, 2 / 20f, 3 / 20f);
        assertThat(set.label(0)).isEqualTo(7);
    }

    @Test
    void unlabelledDatasetRefusesToGiveLabels() {
        InMemoryImageDataset set = InMemoryImageDataset.of(threeImages(), ONE_BY_TWO_BY_TWO);

        assertThat(set.hasLabels()).isFalse();
        assertThat(set).hasToString("InMemoryImageDataset[3 images of (1, 2, 2), unlabelled]");
        assertThatThrownBy(() -> set.label(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this dataset has no labels; create it with"
                        + " InMemoryImageDataset.of(pixels, imageShape, labels) to attach them");
    }

    @Test
    void rejectsRangeOutsideTheDataset() {
        InMemoryImageDataset set = InMemoryImageDataset.of(threeImages(), ONE_BY_TWO_BY_TWO);
        FloatBuffer dst = FloatBuffer.allocate(100);

        assertThatThrownBy(() -> set.copyImages(2, 2, dst))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("images [2, 4) (from 2, count 2) are not within the 3 images [0, 3)");
        assertThatThrownBy(() -> set.copyImages(-1, 1, dst))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("images [-1, 0) (from -1, count 1) are not within the 3 images [0, 3)");
        assertThat(dst.position()).isZero();
    }

    @Test
    void rejectsIndexOutsideTheDataset() {
        InMemoryImageDataset set = InMemoryImageDataset.of(threeImages(), ONE_BY_TWO_BY_TWO, new int[] {1, 2, 3});

        assertThatThrownBy(() -> set.label(3))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("index 3 is not within the 3 images [0, 3)");
        assertThatThrownBy(() -> set.image(-1))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("index -1 is not within the 3 images [0, 3)");
    }

    @Test
    void writesNothingWhenTheBufferIsTooSmall() {
        InMemoryImageDataset set = InMemoryImageDataset.of(threeImages(), ONE_BY_TWO_BY_TWO);
        FloatBuffer dst = FloatBuffer.allocate(7);

        assertThatThrownBy(() -> set.copyImages(0, 2, dst)).isInstanceOf(BufferOverflowException.class);
        assertThat(dst.position()).isZero();
    }

    @Test
    void subsetHoldsTheChosenImagesAndLabels() {
        InMemoryImageDataset set = InMemoryImageDataset.of(threeImages(), ONE_BY_TWO_BY_TWO, new int[] {7, 8, 9});

        InMemoryImageDataset subset = set.subset(1, 2);

        assertThat(subset.size()).isEqualTo(2);
        assertThat(subset.imageShape()).isEqualTo(ONE_BY_TWO_BY_TWO);
        assertThat(subset.image(0)).containsExactly(set.image(1));
        assertThat(subset.image(1)).containsExactly(set.image(2));
        assertThat(subset.label(0)).isEqualTo(8);
        assertThat(subset.label(1)).isEqualTo(9);
        assertThat(set.subset(0, 3)).isSameAs(set);
    }

    @Test
    void subsetOfUnlabelledDatasetIsUnlabelled() {
        InMemoryImageDataset set = InMemoryImageDataset.of(threeImages(), ONE_BY_TWO_BY_TWO);

        assertThat(set.subset(0, 1).hasLabels()).isFalse();
    }

    @Test
    void rejectsEmptyOrOutOfRangeSubset() {
        InMemoryImageDataset set = InMemoryImageDataset.of(threeImages(), ONE_BY_TWO_BY_TWO);

        assertThatThrownBy(() -> set.subset(0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count must be >= 1, got 0");
        assertThatThrownBy(() -> set.subset(3, 1))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("images [3, 4) (from 3, count 1) are not within the 3 images [0, 3)");
    }

    @Test
    void rejectsPixelsThatAreNotWholeImages() {
        assertThatThrownBy(() -> InMemoryImageDataset.of(new float[10], ONE_BY_TWO_BY_TWO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pixels.length 10 is not a multiple of the image size 4 = (1, 2, 2);"
                        + " it must be n * 4 for n images");
    }

    @Test
    void rejectsEmptyPixels() {
        assertThatThrownBy(() -> InMemoryImageDataset.of(new float[0], ONE_BY_TWO_BY_TWO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pixels is empty; a dataset needs at least one image of (1, 2, 2) = 4 values");
    }

    @Test
    void rejectsShapeThatIsNotChannelsHeightWidth() {
        assertThatThrownBy(() -> InMemoryImageDataset.of(new float[784], TensorShape.of(784)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("imageShape must be (C, H, W), got (784) of rank 1");
    }

    @Test
    void rejectsImagesOfMoreChannelsThanAPngHolds() {
        assertThatThrownBy(() -> InMemoryImageDataset.of(new float[20], TensorShape.of(5, 2, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("imageShape channels must be 1 (grey), 2 (grey and alpha), 3 (RGB) or 4 (RGBA),"
                        + " got 5 in (5, 2, 2)");
    }

    @Test
    void rejectsPixelOutsideMinusOneToOne() {
        float[] pixels = threeImages();
        pixels[6] = 1.5f;

        assertThatThrownBy(() -> InMemoryImageDataset.of(pixels, ONE_BY_TWO_BY_TWO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pixels[6] (image 1) is 1.5; pixels must be in [-1, 1]");
    }

    @Test
    void rejectsNaNPixel() {
        float[] pixels = threeImages();
        pixels[0] = Float.NaN;

        assertThatThrownBy(() -> InMemoryImageDataset.of(pixels, ONE_BY_TWO_BY_TWO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pixels[0] (image 0) is NaN; pixels must be in [-1, 1]");
    }

    @Test
    void rejectsOneLabelTooFew() {
        assertThatThrownBy(() -> InMemoryImageDataset.of(threeImages(), ONE_BY_TWO_BY_TWO, new int[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("labels.length 2 does not match the 3 images in pixels; give one label per image");
    }

    @Test
    void rejectsNegativeLabel() {
        assertThatThrownBy(() -> InMemoryImageDataset.of(threeImages(), ONE_BY_TWO_BY_TWO, new int[] {1, -2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("labels[1] is -2; labels must be >= 0");
    }

    @Test
    void rejectsNullArguments() {
        assertThatThrownBy(() -> InMemoryImageDataset.of(null, ONE_BY_TWO_BY_TWO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pixels must not be null");
        assertThatThrownBy(() -> InMemoryImageDataset.of(new float[4], null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("imageShape must not be null");
        InMemoryImageDataset set = InMemoryImageDataset.of(new float[4], ONE_BY_TWO_BY_TWO);
        assertThatThrownBy(() -> set.copyImages(0, 1, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dst must not be null");
    }
}
