package dev.gan4j.data;

import dev.gan4j.spec.TensorShape;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * An {@link ImageDataset} held in one {@code float[]}, optionally with one class label per image.
 *
 * <p>Immutable: the factories copy the arrays they are given and no method hands out the stored
 * ones. Pixels are checked once, at creation, to lie in [-1, 1].
 *
 * <pre>{@code
 * // two 1x2x2 images, labelled 3 and 7
 * InMemoryImageDataset data = InMemoryImageDataset.of(
 *         new float[] {-1, 1, 0, 0, 1, 1, -1, -1}, TensorShape.of(1, 2, 2), new int[] {3, 7});
 * }</pre>
 */
public final class InMemoryImageDataset implements ImageDataset {

    private final float[] pixels;
    private final TensorShape imageShape;
    private final int imageSize;
    private final int size;
    private final int[] labels;

    private InMemoryImageDataset(float[] pixels, TensorShape imageShape, int[] labels) {
        this.pixels = pixels;
        this.imageShape = imageShape;
        this.imageSize = (int) imageShape.size();
        this.size = pixels.length / imageSize;
        this.labels = labels;
    }

    /**
     * Returns an unlabelled dataset of the given images.
     *
     * @param pixels the images one after another, each channels-first in row-major order, every
     *     value in [-1, 1]; its length is {@code n * imageShape.size()} for {@code n >= 1} images.
     *     The array is copied.
     * @param imageShape the shape of one image, {@code (C, H, W)} with 1 (grey), 2 (grey and alpha), 3
     *     (RGB) or 4 (RGBA) channels
     * @return the dataset
     * @throws IllegalArgumentException if an argument is null, the shape is not of rank 3 or has more
     *     than 4 channels, the length of {@code pixels} is not a positive multiple of the image size,
     *     or a pixel is outside [-1, 1] or NaN
     */
    public static InMemoryImageDataset of(float[] pixels, TensorShape imageShape) {
        return of(pixels, imageShape, null);
    }

    /**
     * Returns a dataset of the given images and labels.
     *
     * <p>Example: {@code InMemoryImageDataset.of(pixels, TensorShape.of(1, 28, 28), labels)}.
     *
     * @param pixels the images one after another, each channels-first in row-major order, every
     *     value in [-1, 1]; its length is {@code n * imageShape.size()} for {@code n >= 1} images.
     *     The array is copied.
     * @param imageShape the shape of one image, {@code (C, H, W)} with 1 (grey), 2 (grey and alpha), 3
     *     (RGB) or 4 (RGBA) channels
     * @param labels one class label {@code >= 0} per image, or {@code null} for an unlabelled
     *     dataset. The array is copied.
     * @return the dataset
     * @throws IllegalArgumentException if {@code pixels} or {@code imageShape} is null, the shape
     *     is not of rank 3 or has more than 4 channels, the length of {@code pixels} is not a
     *     positive multiple of the image size, a pixel is outside [-1, 1] or NaN, the number of labels
     *     differs from the number of images, or a label is negative
     */
    public static InMemoryImageDataset of(float[] pixels, TensorShape imageShape, int[] labels) {
        checkSizes(pixels, imageShape, labels);
        for (int i = 0; i < pixels.length; i++) {
            float p = pixels[i];
            // Written so that NaN fails too.
            if (!(p >= -1f && p <= 1f)) {
                throw new IllegalArgumentException(
                        "pixels[" + i + "] (image " + i / imageShape.size() + ") is " + p
                                + "; pixels must be in [-1, 1]");
            }
        }
        if (labels != null) {
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] < 0) {
                    throw new IllegalArgumentException(
                            "labels[" + i + "] is " + labels[i] + "; labels must be >= 0");
                }
            }
        }
        return new InMemoryImageDataset(pixels.clone(), imageShape, labels == null ? null : labels.clone());
    }

    /**
     * Takes ownership of arrays that the caller built and will not touch again, skipping the
     * copies and the per-value checks: for readers such as {@link Mnist} whose values are in range
     * by construction.
     */
    static InMemoryImageDataset wrap(float[] pixels, TensorShape imageShape, int[] labels) {
        checkSizes(pixels, imageShape, labels);
        return new InMemoryImageDataset(pixels, imageShape, labels);
    }

    private static void checkSizes(float[] pixels, TensorShape imageShape, int[] labels) {
        if (pixels == null) {
            throw new IllegalArgumentException("pixels must not be null");
        }
        if (imageShape == null) {
            throw new IllegalArgumentException("imageShape must not be null");
        }
        if (imageShape.rank() != 3) {
            throw new IllegalArgumentException(
                    "imageShape must be (C, H, W), got " + imageShape + " of rank " + imageShape.rank());
        }
        // The channels a generator can make and a grid can draw: nothing could train on a fifth.
        imageShape.requireImage("imageShape");
        long imageSize = imageShape.size();
        if (pixels.length == 0) {
            throw new IllegalArgumentException(
                    "pixels is empty; a dataset needs at least one image of " + imageShape + " = "
                            + imageSize + " values");
        }
        if (pixels.length % imageSize != 0) {
            throw new IllegalArgumentException(
                    "pixels.length " + pixels.length + " is not a multiple of the image size " + imageSize
                            + " = " + imageShape + "; it must be n * " + imageSize + " for n images");
        }
        if (labels != null && labels.length != pixels.length / imageSize) {
            throw new IllegalArgumentException(
                    "labels.length " + labels.length + " does not match the " + pixels.length / imageSize
                            + " images in pixels; give one label per image");
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public TensorShape imageShape() {
        return imageShape;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code dst} is null
     */
    @Override
    public void copyImages(int from, int count, FloatBuffer dst) {
        checkRange(from, count);
        if (dst == null) {
            throw new IllegalArgumentException("dst must not be null");
        }
        // FloatBuffer.put(float[], int, int) checks the room first, so an overflow writes nothing.
        dst.put(pixels, from * imageSize, count * imageSize);
    }

    /**
     * Returns a copy of one image, channels-first in row-major order.
     *
     * @param index the image, in {@code [0, size())}
     * @return its {@code imageShape().size()} pixels, in [-1, 1]
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
     */
    public float[] image(int index) {
        checkIndex(index);
        return Arrays.copyOfRange(pixels, index * imageSize, (index + 1) * imageSize);
    }

    @Override
    public boolean hasLabels() {
        return labels != null;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
     */
    @Override
    public int label(int index) {
        if (labels == null) {
            throw new IllegalStateException(
                    "this dataset has no labels; create it with InMemoryImageDataset.of(pixels, imageShape,"
                            + " labels) to attach them");
        }
        checkIndex(index);
        return labels[index];
    }

    /**
     * Returns images {@code [from, from + count)} (and their labels) as a dataset of their own.
     *
     * <p>Example: {@code Mnist.bundledTrainingSet().subset(0, 1000)} for a quick run.
     *
     * @param from the first image, from 0
     * @param count the number of images, at least 1
     * @return the subset; {@code this} if it is the whole dataset
     * @throws IllegalArgumentException if {@code count < 1}
     * @throws IndexOutOfBoundsException if the range is not within {@code [0, size())}
     */
    public InMemoryImageDataset subset(int from, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        checkRange(from, count);
        if (from == 0 && count == size) {
            return this;
        }
        float[] subPixels = Arrays.copyOfRange(pixels, from * imageSize, (from + count) * imageSize);
        int[] subLabels = labels == null ? null : Arrays.copyOfRange(labels, from, from + count);
        return new InMemoryImageDataset(subPixels, imageShape, subLabels);
    }

    private void checkRange(int from, int count) {
        if (from < 0 || count < 0 || (long) from + count > size) {
            throw new IndexOutOfBoundsException(
                    "images [" + from + ", " + ((long) from + count) + ") (from " + from + ", count " + count
                            + ") are not within the " + size + " images [0, " + size + ")");
        }
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(
                    "index " + index + " is not within the " + size + " images [0, " + size + ")");
        }
    }

    /** Returns a summary such as {@code InMemoryImageDataset[9000 images of (1, 28, 28), labelled]}. */
    @Override
    public String toString() {
        return "InMemoryImageDataset[" + size + " images of " + imageShape + ", "
                + (labels == null ? "unlabelled" : "labelled") + "]";
    }
}
