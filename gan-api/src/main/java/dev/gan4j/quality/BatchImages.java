package dev.gan4j.quality;

import dev.gan4j.data.ImageDataset;
import dev.gan4j.image.ImageBatch;
import dev.gan4j.spec.TensorShape;
import java.nio.FloatBuffer;

/**
 * Generated images seen as an unlabelled {@link ImageDataset}, to be classified. Unlike {@code
 * InMemoryImageDataset} it does not insist on [-1, 1]: a generator's images are scored as they are.
 */
final class BatchImages implements ImageDataset {

    private final float[] pixels;
    private final int count;
    private final TensorShape shape;
    private final int imageSize;

    BatchImages(ImageBatch batch) {
        this.pixels = batch.pixels();
        this.count = batch.count();
        this.shape = batch.imageShape();
        this.imageSize = Math.toIntExact(shape.size());
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public TensorShape imageShape() {
        return shape;
    }

    @Override
    public void copyImages(int from, int count, FloatBuffer dst) {
        if (from < 0 || count < 0 || (long) from + count > this.count) {
            throw new IndexOutOfBoundsException("images [" + from + ", " + ((long) from + count)
                    + ") are not within the " + this.count + " images");
        }
        dst.put(pixels, from * imageSize, count * imageSize);
    }

    @Override
    public boolean hasLabels() {
        return false;
    }

    @Override
    public int label(int index) {
        throw new IllegalStateException("generated images have no labels");
    }
}
