package dev.gan4j.internal.data;

import dev.gan4j.data.ImageDataset;
import dev.gan4j.internal.random.FisherYates;
import dev.gan4j.spec.TensorShape;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Labelled training batches drawn on the host in a shuffled order, each image moved by a random
 * offset of up to {@code maxShift} pixels per axis with the background value filling the gap: the
 * usual translation augmentation for digit classifiers. Everything random comes from one seeded host
 * generator, so the batches are the same on every device.
 */
public final class ShiftedBatches {

    private final float[] pixels;
    private final int[] labels;
    private final int channels;
    private final int height;
    private final int width;
    private final int imageSize;
    private final int maxShift;
    private final float background;
    private final SplittableRandom random;
    private final int[] order;
    private int next;

    /**
     * Draws batches of {@code data}, which must have labels.
     *
     * @param data the labelled images
     * @param maxShift the largest offset per axis, in pixels
     * @param random the seeded host generator of every shuffle and offset
     */
    public ShiftedBatches(ImageDataset data, int maxShift, SplittableRandom random) {
        TensorShape shape = data.imageShape();
        this.channels = shape.dim(0);
        this.height = shape.dim(1);
        this.width = shape.dim(2);
        this.imageSize = Math.toIntExact(shape.size());
        int n = data.size();
        FloatBuffer all = FloatBuffer.allocate(Math.multiplyExact(n, imageSize));
        data.copyImages(0, n, all);
        this.pixels = all.array();
        this.labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = data.label(i);
        }
        this.maxShift = maxShift;
        // Images are scaled to [-1, 1] with -1 the background (Mnist's scaling); the darkest pixel is it.
        float min = Float.POSITIVE_INFINITY;
        for (float p : pixels) {
            min = Math.min(min, p);
        }
        this.background = min;
        this.random = random;
        this.order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        this.next = n;
    }

    /** {@return the number of images} */
    public int size() {
        return labels.length;
    }

    /**
     * Fills {@code images} ({@code batch} images) and {@code labelsOut} with the next batch, starting a
     * freshly shuffled pass when the current one has fewer than {@code batch} images left.
     *
     * @param batch the number of images in the batch
     * @param images the buffer the images are written to
     * @param labelsOut the array the labels are written to, from index 0
     */
    public void next(int batch, float[] images, int[] labelsOut) {
        if (next + batch > order.length) {
            shuffle();
        }
        for (int b = 0; b < batch; b++) {
            int index = order[next++];
            labelsOut[b] = labels[index];
            int dy = maxShift == 0 ? 0 : random.nextInt(-maxShift, maxShift + 1);
            int dx = maxShift == 0 ? 0 : random.nextInt(-maxShift, maxShift + 1);
            shift(index, dy, dx, images, b * imageSize);
        }
    }

    private void shift(int index, int dy, int dx, float[] dst, int offset) {
        Arrays.fill(dst, offset, offset + imageSize, background);
        int src = index * imageSize;
        int x0 = Math.max(0, dx);
        int x1 = Math.min(width, width + dx);
        for (int c = 0; c < channels; c++) {
            for (int y = Math.max(0, dy); y < Math.min(height, height + dy); y++) {
                int to = offset + (c * height + y) * width;
                int from = src + (c * height + y - dy) * width;
                System.arraycopy(pixels, from + x0 - dx, dst, to + x0, x1 - x0);
            }
        }
    }

    private void shuffle() {
        FisherYates.shuffle(order, random);
        next = 0;
    }
}
