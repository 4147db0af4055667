package dev.gan4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.gan4j.data.ImageDataset;
import dev.gan4j.internal.random.FisherYates;
import dev.gan4j.internal.random.Seeds;
import dev.gan4j.spec.TensorShape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * The whole data set as one tensor on the training device, and a shuffled order of it. Batches are
 * gathered on the device by index: per pass over the data one permutation is uploaded, so steps need
 * no host-to-device copy and no synchronisation. Each pass's permutation derives from (seed, pass), so
 * a checkpoint needs only the pass and the position in it.
 *
 * <p>For a conditional run the labels go up once too, as int64 (the index type of torch's gather),
 * and each batch's labels are gathered with the same indices as its images.
 */
final class DeviceDataset implements AutoCloseable {

    private final NDManager manager;
    private final NDArray images;
    /** The labels, int64 {@code (size)}, or {@code null} for an unconditional run. */
    private final NDArray labels;
    private final int size;
    private final long seed;
    private final long fingerprint;
    private NDArray order;
    private long pass;
    private int next;

    /** Uploads the images, without labels, and shuffles the first pass with the run's {@code seed}. */
    DeviceDataset(ImageDataset data, NDManager parent, long seed) {
        this(data, parent, seed, false);
    }

    /**
     * Uploads the images, and their labels if {@code withLabels} (a conditional run; {@link
     * dev.gan4j.spi.TrainingLoop} has checked them), and shuffles the first pass with the run's {@code
     * seed}.
     */
    DeviceDataset(ImageDataset data, NDManager parent, long seed, boolean withLabels) {
        this.manager = parent.newSubManager();
        this.size = data.size();
        this.seed = seed;
        TensorShape shape = data.imageShape();
        long floats = size * shape.size();
        // TrainingLoop.checkDataset (DatasetChecks) refuses sets over 2^31 - 1 bytes, with a message,
        // before it opens a session, so toIntExact fails only for a caller that skipped it.
        ByteBuffer bytes = ByteBuffer.allocateDirect(Math.toIntExact(floats * Float.BYTES)).order(ByteOrder.nativeOrder());
        FloatBuffer buffer = bytes.asFloatBuffer();
        data.copyImages(0, size, buffer);
        buffer.rewind();
        CRC32C crc = new CRC32C();
        crc.update(bytes.duplicate());
        this.fingerprint = crc.getValue();
        this.images = manager.create(buffer, new Shape(size, shape.dim(0), shape.dim(1), shape.dim(2)));
        if (withLabels) {
            long[] values = new long[size];
            for (int i = 0; i < size; i++) {
                values[i] = data.label(i);
            }
            this.labels = manager.create(values);
        } else {
            this.labels = null;
        }
        shuffle(0);
    }

    /** Returns the number of images. */
    int size() {
        return size;
    }

    /** A checksum of the images, so that a resumed run can tell it was given other data. */
    long fingerprint() {
        return fingerprint;
    }

    /** The pass over the data under way, from 0. */
    long pass() {
        return pass;
    }

    /** The images of the current pass already handed out. */
    int position() {
        return next;
    }

    /**
     * Continues from image {@code position} of pass {@code pass}, as recorded by a checkpoint.
     *
     * @throws IllegalArgumentException if the position is outside the data set
     */
    void seek(long pass, int position) {
        if (pass < 0 || position < 0 || position > size) {
            throw new IllegalArgumentException(
                    "data position " + position + " of pass " + pass + " is outside a data set of " + size);
        }
        if (pass != this.pass) {
            shuffle(pass);
        }
        next = position;
    }

    /** Returns the next {@code batch} images in the current order, in {@code step}'s manager. */
    NDArray nextBatch(int batch, NDManager step) {
        return next(batch, step).images();
    }

    /**
     * A batch of images and, for a conditional run, their labels (int64 {@code (B)}), else {@code null}.
     */
    record Batch(NDArray images, NDArray labels) {}

    /** Returns the next {@code batch} images and their labels in the current order, in {@code step}'s manager. */
    Batch next(int batch, NDManager step) {
        if (next + batch > size) {
            shuffle(pass + 1);
        }
        NDArray indices = order.get(new NDIndex().addSliceDim(next, next + batch));
        next += batch;
        indices.attach(step);
        NDArray batchImages = images.get(indices);
        batchImages.attach(step);
        NDArray batchLabels = null;
        if (labels != null) {
            batchLabels = labels.get(indices);
            batchLabels.attach(step);
        }
        return new Batch(batchImages, batchLabels);
    }

    /** Starts pass {@code p}: a Fisher-Yates shuffle on the host from the pass's own seed. */
    private void shuffle(long p) {
        SplittableRandom random = new SplittableRandom(Seeds.forPass(seed, p));
        int[] perm = new int[size];
        for (int i = 0; i < size; i++) {
            perm[i] = i;
        }
        FisherYates.shuffle(perm, random);
        if (order != null) {
            order.close();
        }
        // Indices as int64, the type torch's gather takes.
        order = manager.create(Arrays.stream(perm).asLongStream().toArray());
        pass = p;
        next = 0;
    }

    @Override
    public void close() {
        manager.close();
    }
}
