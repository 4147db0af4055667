package dev.gan4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.spec.TensorShape;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteImageDatasetTest {

    private static final TensorShape SHAPE = TensorShape.of(1, 1, 2);

    @Test
    void bytesBecomePixelsFromMinusOneToOne() {
        ByteImageDataset data = ByteImageDataset.of(
                new byte[] {0, (byte) 255, (byte) 128, 127}, SHAPE, null, List.of());

        FloatBuffer pixels = FloatBuffer.allocate(4);
        data.copyImages(0, 2, pixels);

        assertThat(pixels.array()).containsExactly(-1f, 1f, 128 / 127.5f - 1f, 127 / 127.5f - 1f);
        assertThat(data.size()).isEqualTo(2);
        assertThat(data.hasLabels()).isFalse();
        assertThat(data.classNames()).isEmpty();
    }

    @Test
    void copyBytesCopiesTheRangeAndLabelsAndNamesAreKept() {
        byte[] bytes = {1, 2, 3, 4, 5, 6};
        ByteImageDataset data = ByteImageDataset.of(bytes, SHAPE, new int[] {1, 0, 1}, List.of("cat", "dog"));
        bytes[2] = 99; // the factory copied the array

        ByteBuffer dst = ByteBuffer.allocate(4);
        data.copyBytes(1, 2, dst);

        assertThat(dst.array()).containsExactly(3, 4, 5, 6);
        assertThat(data.label(2)).isEqualTo(1);
        assertThat(data.classNames()).containsExactly("cat", "dog");
    }

    @Test
    void badArgumentsAreRefusedNamingThem() {
        assertThatThrownBy(() -> ByteImageDataset.of(new byte[3], SHAPE, null, List.of()))
                .hasMessage("bytes.length 3 is not a positive multiple of the image size 2 = (1, 1, 2);"
                        + " it must be n * 2 for n >= 1 images");
        assertThatThrownBy(() -> ByteImageDataset.of(new byte[4], SHAPE, new int[] {0, 2}, List.of("a", "b")))
                .hasMessage("labels[1] is 2; labels must be in [0, 2) for the 2 classNames");
        assertThatThrownBy(() -> ByteImageDataset.of(new byte[4], SHAPE, new int[] {0}, List.of()))
                .hasMessage("labels.length 1 does not match the 2 images in bytes; give one label per image");
        assertThatThrownBy(() -> ByteImageDataset.of(new byte[4], SHAPE, null, List.of("a")))
                .hasMessageStartingWith("classNames [a] were given without labels");
        assertThatThrownBy(() -> ByteImageDataset.of(new byte[4], SHAPE, null, List.of()).copyBytes(1, 2,
                        ByteBuffer.allocate(4)))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
