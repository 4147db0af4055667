package dev.gan4j.spi;

import dev.gan4j.data.ImageDataset;
import dev.gan4j.spec.TensorShape;
import dev.gan4j.train.GanConfig;
import java.nio.FloatBuffer;

/**
 * What {@link TrainingLoop#checkDataset} checks of a data set's size and contents before any engine
 * runs, the same for every engine: that it fits the one buffer it is uploaded in, that the pixels
 * of its first batch are in the generator's range, and, for a conditional run, that every image has a
 * label of one of the classes.
 */
final class DatasetChecks {

    /**
     * The most floats a data set may hold: engines upload it to the device through one direct NIO
     * buffer (DJL's {@code NDManager.create} copies any other buffer into one first), and a direct
     * buffer's capacity in bytes is an int.
     */
    static final long MAX_FLOATS = Integer.MAX_VALUE / Float.BYTES;

    /**
     * How far beyond -1 or 1 a pixel may lie and still pass. The usual scalings ({@code x / 127.5 - 1},
     * {@code 2x - 1}) land exactly on the ends in float; resampling or normalising arithmetic can round
     * a float spacing (1.2e-7 near 1) or a few beyond them, which does not matter to training. The
     * check is there to catch data in another range, such as 0..255.
     */
    static final float TOLERANCE = 1e-6f;

    /** Floats read at a time while checking pixels, so the check needs little memory at any batch size. */
    private static final int CHUNK_FLOATS = 1 << 16;

    private DatasetChecks() {}

    /**
     * Checks that {@code data} fits one upload and that its first batch (the first {@code
     * config.batchSize()} images) holds finite pixels in [-1, 1].
     *
     * @throws IllegalArgumentException saying what is wrong and how to fix it
     */
    static void check(GanConfig config, ImageDataset data) {
        checkSize(data.size(), data.imageShape());
        checkPixels(data, Math.min(data.size(), config.batchSize()));
        checkLabels(data, config.generator().classes());
    }

    /**
     * For a conditional run ({@code classes > 0}), checks that every image has a label in {@code [0,
     * classes)}: the engine uploads them as they are and gathers embedding rows by them, where a label
     * out of range would be a native index error or, on some devices, a silent read.
     *
     * @throws IllegalArgumentException naming the data set, and the first offending index and label
     */
    static void checkLabels(ImageDataset data, int classes) {
        if (classes == 0) {
            return;
        }
        if (!data.hasLabels()) {
            throw new IllegalArgumentException("a conditional run (" + classes + " classes) needs a label per image,"
                    + " but data set " + data + " has no labels; give it labels (InMemoryImageDataset.of(pixels,"
                    + " imageShape, labels); Mnist has them), or train unconditionally");
        }
        for (int i = 0; i < data.size(); i++) {
            int label = data.label(i);
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("data set " + data + ": image " + i + " has label " + label
                        + ", outside [0, " + classes + ") of the conditional specs; build them with conditional("
                        + classes + ") only when every label is in 0.." + (classes - 1));
            }
        }
    }

    /**
     * Checks that {@code size} images of {@code shape} fit in {@link #MAX_FLOATS}, computing in long
     * so that the message can name the sizes an int multiplication would have overflowed on.
     *
     * @throws IllegalArgumentException naming the images, their floats and bytes, and the limit
     */
    static void checkSize(int size, TensorShape shape) {
        long imageFloats = shape.size();
        // A data set of no images is refused by GanConfig.stepsPerEpochFor, with its own message.
        if (size < 1 || imageFloats <= MAX_FLOATS / size) {
            return;
        }
        String limit = "a data set goes to the training device in one buffer of at most " + Integer.MAX_VALUE
                + " bytes (2^31 - 1), " + MAX_FLOATS + " floats";
        if (imageFloats > MAX_FLOATS) {
            throw new IllegalArgumentException(
                    "one image of " + shape + " is " + imageFloats + " floats; " + limit + ". Use smaller images");
        }
        long floats = imageFloats * size;
        throw new IllegalArgumentException(size + " images of " + shape + " are " + floats + " floats ("
                + floats * Float.BYTES + " bytes); " + limit + ": at most " + MAX_FLOATS / imageFloats + " images of "
                + shape + ". Train on fewer images (InMemoryImageDataset.subset) or smaller ones");
    }

    /**
     * Checks that images {@code [0, count)} hold finite pixels within {@link #TOLERANCE} of [-1, 1],
     * reading them a chunk at a time.
     *
     * @throws IllegalArgumentException naming the range the images span, the first image outside it
     *     and how to scale; or, for a NaN or infinite pixel, its image
     */
    static void checkPixels(ImageDataset data, int count) {
        int imageFloats = Math.toIntExact(data.imageShape().size());
        int imagesPerChunk = Math.max(1, CHUNK_FLOATS / imageFloats);
        FloatBuffer chunk = FloatBuffer.allocate(Math.min(imagesPerChunk, count) * imageFloats);
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        long firstOutside = -1;
        float outsideValue = 0f;
        long firstNonFinite = -1;
        float nonFiniteValue = 0f;
        for (int from = 0; from < count; from += imagesPerChunk) {
            int n = Math.min(imagesPerChunk, count - from);
            chunk.clear();
            data.copyImages(from, n, chunk);
            for (int i = 0; i < n * imageFloats; i++) {
                float p = chunk.get(i);
                long index = (long) from * imageFloats + i;
                if (!Float.isFinite(p)) {
                    if (firstNonFinite < 0) {
                        firstNonFinite = index;
                        nonFiniteValue = p;
                    }
                    continue;
                }
                min = Math.min(min, p);
                max = Math.max(max, p);
                if (firstOutside < 0 && (p < -1f - TOLERANCE || p > 1f + TOLERANCE)) {
                    firstOutside = index;
                    outsideValue = p;
                }
            }
        }
        String checked = count == 1 ? "the first image" : "the first " + count + " images";
        if (firstNonFinite >= 0) {
            throw new IllegalArgumentException("pixels must be finite, in [-1, 1], but pixel " + firstNonFinite % imageFloats
                    + " of image " + firstNonFinite / imageFloats + " is " + nonFiniteValue + " ("
                    + (min <= max ? "the finite values of " + checked + " are in [" + min + ", " + max + "])"
                            : checked + (count == 1 ? " holds" : " hold") + " no finite value)"));
        }
        if (firstOutside >= 0) {
            throw new IllegalArgumentException("pixels must be in [-1, 1], the range of the generator's tanh, but the"
                    + " values of " + checked + " are in [" + min + ", " + max + "]: pixel " + firstOutside % imageFloats
                    + " of image " + firstOutside / imageFloats + ", " + outsideValue + ", is the first outside."
                    + " Scale 0..255 bytes by x / 127.5 - 1 (as Mnist does) and 0..1 values by 2x - 1");
        }
    }
}
