package dev.gan4j.image;

import dev.gan4j.internal.io.AtomicFiles;
import dev.gan4j.spec.TensorShape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Images as floats, channels-first {@code (C, H, W)}, in the range the generator produces ([-1, 1] for
 * a tanh generator). Immutable: accessors return copies.
 */
public final class ImageBatch {

    private final int count;
    private final TensorShape imageShape;
    private final float[] pixels;

    private ImageBatch(int count, TensorShape imageShape, float[] pixels) {
        this.count = count;
        this.imageShape = imageShape;
        this.pixels = pixels;
    }

    /**
     * Wraps a copy of {@code pixels}: {@code count} images of {@code imageShape}, one after another.
     *
     * @throws IllegalArgumentException if the shape is not {@code (C, H, W)} with C of 1 or 3, or the
     *     length is not {@code count * C * H * W}
     */
    public static ImageBatch of(float[] pixels, int count, TensorShape imageShape) {
        if (imageShape.rank() != 3 || (imageShape.dim(0) != 1 && imageShape.dim(0) != 3)) {
            throw new IllegalArgumentException(
                    "imageShape must be (C, H, W) with 1 or 3 channels, got " + imageShape);
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        if ((long) pixels.length != count * imageShape.size()) {
            throw new IllegalArgumentException(
                    "pixels has " + pixels.length + " floats; " + count + " images of " + imageShape
                            + " need " + count * imageShape.size());
        }
        return new ImageBatch(count, imageShape, pixels.clone());
    }

    /** Returns the number of images. */
    public int count() {
        return count;
    }

    /** Returns one image's shape. */
    public TensorShape imageShape() {
        return imageShape;
    }

    /** Returns a copy of all pixels, image after image. */
    public float[] pixels() {
        return pixels.clone();
    }

    /**
     * Returns a copy of image {@code i}'s pixels, channels-first in row-major order.
     *
     * @param i the image, in {@code [0, count())}
     * @return its {@code imageShape().size()} pixels
     * @throws IndexOutOfBoundsException if {@code i} is not in {@code [0, count())}, naming both
     */
    public float[] image(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException(
                    "index " + i + " is not within the " + count + " images [0, " + count + ")");
        }
        int n = (int) imageShape.size();
        float[] out = new float[n];
        System.arraycopy(pixels, i * n, out, 0, n);
        return out;
    }

    /**
     * Lays the images out in a grid of {@code columns}, with a 2-pixel border, mapping [-1, 1] to
     * [0, 255] (values outside are clipped).
     *
     * @throws IllegalArgumentException if {@code columns < 1}
     */
    public BufferedImage toGrid(int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        }
        int channels = imageShape.dim(0);
        int h = imageShape.dim(1);
        int w = imageShape.dim(2);
        int cols = Math.min(columns, count);
        int rows = (count + cols - 1) / cols;
        int border = 2;
        BufferedImage grid = new BufferedImage(
                cols * (w + border) + border, rows * (h + border) + border, BufferedImage.TYPE_INT_RGB);
        int plane = h * w;
        for (int i = 0; i < count; i++) {
            int x0 = border + (i % cols) * (w + border);
            int y0 = border + (i / cols) * (h + border);
            int base = i * channels * plane;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = y * w + x;
                    int r = toByte(pixels[base + p]);
                    int g = channels == 3 ? toByte(pixels[base + plane + p]) : r;
                    int b = channels == 3 ? toByte(pixels[base + 2 * plane + p]) : r;
                    grid.setRGB(x0 + x, y0 + y, (r << 16) | (g << 8) | b);
                }
            }
        }
        return grid;
    }

    /**
     * Writes the grid as a PNG file, atomically.
     *
     * @throws IOException if the file cannot be written
     */
    public void writeGridPng(Path file, int columns) throws IOException {
        BufferedImage grid = toGrid(columns);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(grid, "png", out)) {
                throw new IOException("no PNG writer in this JDK");
            }
        });
    }

    private static int toByte(float v) {
        float scaled = (v + 1f) * 127.5f;
        return Math.max(0, Math.min(255, Math.round(scaled)));
    }
}
