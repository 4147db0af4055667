package dev.gan4j.data;

import java.nio.ByteBuffer;
import dev.gan4j.spec.TensorShape;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * An {@link ImageDataset} whose pixels are 8-bit values {@code b} in 0..255, each standing for the
 * pixel {@code b / 127.5f - 1f} (in float arithmetic, so 0 is -1 and 255 is 1). This is how decoded
 * images arrive (PNG, JPEG, CIFAR-10, IDX), and keeping them as bytes takes a quarter of the memory of
 * floats: engines may hold the bytes on the device and convert each batch as it is gathered, or stream
 * batches of bytes from disk, instead of holding the whole set as floats.
 *
 * <p>{@link #copyImages} converts, so a byte data set is also an ordinary {@link ImageDataset}.
 */
public interface ByteImageDataset extends ImageDataset {

    /**
     * Copies the bytes of images {@code [from, from + count)} into {@code dst}, image after image, each
     * in channels-first row-major order.
     *
     * @param from the first image, from 0
     * @param count the number of images, at least 1
     * @param dst the buffer the bytes are written to, from its position
     * @throws IndexOutOfBoundsException if the range is not within {@code [0, size())}
     * @throws java.nio.BufferOverflowException if {@code dst} has too little room
     */
    void copyBytes(int from, int count, ByteBuffer dst);

    /**
     * Returns a data set of the given bytes, labels and class names, held in memory.
     *
     * <p>Example: {@code ByteImageDataset.of(bytes, TensorShape.of(3, 32, 32), labels, List.of("cat", "dog"))}.
     *
     * @param bytes the images one after another, each channels-first in row-major order; its length is
     *     {@code n * imageShape.size()} for {@code n >= 1} images. The array is copied.
     * @param imageShape the shape of one image, {@code (C, H, W)} with 1 to 4 channels
     * @param labels one class label {@code >= 0} per image, or {@code null} for an unlabelled data set.
     *     The array is copied.
     * @param classNames the names of the classes in label order, or an empty list when not known; when
     *     given, every label must be below its size
     * @return the data set
     * @throws IllegalArgumentException if {@code bytes}, {@code imageShape} or {@code classNames} is
     *     null, the shape is not an image shape, the length of {@code bytes} is not a positive multiple
     *     of the image size, the number of labels differs from the number of images, a label is
     *     negative or not below the number of class names, or class names are given without labels
     */
    static ByteImageDataset of(byte[] bytes, TensorShape imageShape, int[] labels, List<String> classNames) {
        if (bytes == null || imageShape == null || classNames == null) {
            throw new IllegalArgumentException(
                    (bytes == null ? "bytes" : imageShape == null ? "imageShape" : "classNames")
                            + " must not be null");
        }
        imageShape.requireImage("imageShape");
        long imageSize = imageShape.size();
        if (bytes.length == 0 || bytes.length % imageSize != 0) {
            throw new IllegalArgumentException(
                    "bytes.length " + bytes.length + " is not a positive multiple of the image size " + imageSize
                            + " = " + imageShape + "; it must be n * " + imageSize + " for n >= 1 images");
        }
        long images = bytes.length / imageSize;
        if (labels == null && !classNames.isEmpty()) {
            throw new IllegalArgumentException(
                    "classNames " + classNames + " were given without labels; give labels too, or no class names");
        }
        if (labels != null) {
            if (labels.length != images) {
                throw new IllegalArgumentException(
                        "labels.length " + labels.length + " does not match the " + images
                                + " images in bytes; give one label per image");
            }
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] < 0 || (!classNames.isEmpty() && labels[i] >= classNames.size())) {
                    throw new IllegalArgumentException("labels[" + i + "] is " + labels[i] + "; labels must be "
                            + (classNames.isEmpty()
                                    ? ">= 0"
                                    : "in [0, " + classNames.size() + ") for the " + classNames.size() + " classNames"));
                }
            }
        }
        return new InMemoryByteImageDataset(
                bytes.clone(), imageShape, labels == null ? null : labels.clone(), List.copyOf(classNames));
    }

    /**
     * Returns the pixel a byte stands for, {@code (b & 0xFF) / 127.5f - 1f}.
     *
     * @param b the byte, read as unsigned
     * @return the pixel, in [-1, 1]
     */
    static float pixel(byte b) {
        return (b & 0xFF) / 127.5f - 1f;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Converts the bytes of {@link #copyBytes} with {@link #pixel(byte)}.
     */
    @Override
    default void copyImages(int from, int count, FloatBuffer dst) {
        int imageSize = Math.toIntExact(imageShape().size());
        if (dst.remaining() < (long) count * imageSize) {
            throw new java.nio.BufferOverflowException();
        }
        ByteBuffer bytes = ByteBuffer.allocate(imageSize);
        for (int i = 0; i < count; i++) {
            bytes.clear();
            copyBytes(from + i, 1, bytes);
            for (int j = 0; j < imageSize; j++) {
                dst.put(pixel(bytes.get(j)));
            }
        }
    }
}
