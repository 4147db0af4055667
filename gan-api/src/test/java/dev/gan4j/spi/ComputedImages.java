package dev.gan4j.spi;

import dev.gan4j.data.ImageDataset;
import dev.gan4j.spec.TensorShape;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A data set computed pixel by pixel, holding nothing, so that tests can have any size; it records
 * each copy asked of it as {@code {from, count}}.
 */
final class ComputedImages implements ImageDataset {

    /** The value of pixel {@code i}, counted over the whole data set. */
    interface Pixels {
        float at(long i);
    }

    final List<int[]> copies = new ArrayList<>();
    private final int size;
    private final TensorShape shape;
    private final Pixels value;

    ComputedImages(int size, TensorShape shape, Pixels value) {
        this.size = size;
        this.shape = shape;
        this.value = value;
    }

    /** Images of zeros, a valid data set of any size. */
    static ComputedImages zeros(int size, TensorShape shape) {
        return new ComputedImages(size, shape, i -> 0f);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public TensorShape imageShape() {
        return shape;
    }

    @Override
    public void copyImages(int from, int count, FloatBuffer dst) {
        copies.add(new int[] {from, count});
        long first = from * shape.size();
        for (long i = first; i < first + count * shape.size(); i++) {
            dst.put(value.at(i));
        }
    }

    @Override
    public boolean hasLabels() {
        return false;
    }

    @Override
    public int label(int index) {
        throw new IllegalStateException("no labels");
    }
}
