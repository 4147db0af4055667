package dev.gan4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.gan4j.data.ImageDataset;
import dev.gan4j.spec.TensorShape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * The whole data set as one tensor on the training device, and a shuffled order of it. Batches are
 * gathered on the device by index: per pass over the data one permutation is uploaded, so steps need
 * no host-to-device copy and no synchronisation.
 */
final class DeviceDataset implements AutoCloseable {

    private final NDManager manager;
    private final NDArray images;
    private final int size;
    private final SplittableRandom random;
    private NDArray order;
    private int next;

    DeviceDataset(ImageDataset data, NDManager parent, SplittableRandom random) {
        this.manager = parent.newSubManager();
        this.size = data.size();
        this.random = random;
        TensorShape shape = data.imageShape();
        long floats = size * shape.size();
        FloatBuffer buffer = ByteBuffer.allocateDirect(Math.toIntExact(floats * Float.BYTES))
                .order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        data.copyImages(0, size, buffer);
        buffer.rewind();
        this.images = manager.create(buffer, new Shape(size, shape.dim(0), shape.dim(1), shape.dim(2)));
        reshuffle();
    }

    /** Returns the next {@code batch} images in the current order, in {@code step}'s manager. */
    NDArray nextBatch(int batch, NDManager step) {
        if (next + batch > size) {
            reshuffle();
        }
        NDArray indices = order.get(new NDIndex().addSliceDim(next, next + batch));
        next += batch;
        indices.attach(step);
        NDArray batchImages = images.get(indices);
        batchImages.attach(step);
        return batchImages;
    }

    /** Starts a new pass: a Fisher-Yates shuffle on the host from the run's seeded generator. */
    private void reshuffle() {
        long[] perm = new long[size];
        for (int i = 0; i < size; i++) {
            perm[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        if (order != null) {
            order.close();
        }
        order = manager.create(perm);
        next = 0;
    }

    @Override
    public void close() {
        manager.close();
    }
}
