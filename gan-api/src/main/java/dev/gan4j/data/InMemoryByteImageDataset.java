package dev.gan4j.data;

import dev.gan4j.spec.TensorShape;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * A {@link ByteImageDataset} held in one {@code byte[]}, optionally with labels and class names. Made by
 * {@link ByteImageDataset#of(byte[], TensorShape, int[], List)}; immutable, since the factory copies
 * what it is given.
 */
final class InMemoryByteImageDataset implements ByteImageDataset {

    private final byte[] bytes;
    private final TensorShape imageShape;
    private final int imageSize;
    private final int size;
    private final int[] labels;
    private final List<String> classNames;

    InMemoryByteImageDataset(byte[] bytes, TensorShape imageShape, int[] labels, List<String> classNames) {
        this.bytes = bytes;
        this.imageShape = imageShape;
        this.imageSize = Math.toIntExact(imageShape.size());
        this.size = bytes.length / imageSize;
        this.labels = labels;
        this.classNames = classNames;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public TensorShape imageShape() {
        return imageShape;
    }

    @Override
    public void copyBytes(int from, int count, ByteBuffer dst) {
        Objects.checkFromIndexSize(from, count, size);
        if (count < 1) {
            throw new IndexOutOfBoundsException("count is " + count + "; it must be at least 1");
        }
        // ByteBuffer.put(byte[], int, int) checks the room first, so an overflow writes nothing.
        dst.put(bytes, from * imageSize, count * imageSize);
    }

    @Override
    public boolean hasLabels() {
        return labels != null;
    }

    @Override
    public int label(int index) {
        if (labels == null) {
            throw new IllegalStateException(
                    "this dataset has no labels; create it with ByteImageDataset.of(bytes, imageShape, labels,"
                            + " classNames) to attach them");
        }
        Objects.checkIndex(index, size);
        return labels[index];
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }
}
