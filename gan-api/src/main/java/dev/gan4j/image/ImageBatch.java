package dev.gan4j.image;

import dev.gan4j.internal.io.AtomicFiles;
import dev.gan4j.spec.TensorShape;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Images as floats, channels-first {@code (C, H, W)}, in the range the generator produces ([-1, 1] for
 * a tanh generator). C is 1 (grey), 2 (grey and alpha), 3 (RGB) or 4 (RGBA), the pixel layouts of PNG.
 * Immutable: accessors return copies.
 */
public final class ImageBatch {

    /**
     * The most floats one batch holds, all its images together: the largest Java array most JVMs
     * allocate ({@code Integer.MAX_VALUE - 8}, as {@code java.util.ArrayList} assumes).
     */
    public static final int MAX_FLOATS = Integer.MAX_VALUE - 8;

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
     * @param pixels the pixels, image after image, in [-1, 1]
     * @param count the number of images
     * @param imageShape one image's shape
     * @return the batch
     * @throws IllegalArgumentException if the shape is not {@code (C, H, W)} with C of 1 to 4 (see
     *     {@link TensorShape#requireImage(String)}), or the length is not {@code count * C * H * W}
     */
    public static ImageBatch of(float[] pixels, int count, TensorShape imageShape) {
        imageShape.requireImage("imageShape");
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

    /**
     * Returns the most images of {@code imageShape} one batch holds, {@link #MAX_FLOATS} {@code /
     * imageShape.size()}: the most to ask {@code generate} for at once. For example 2,739,137 of
     * {@code (1, 28, 28)}, 174,762 of {@code (3, 64, 64)}.
     *
     * @param imageShape one image's shape
     * @return the count, 0 if a single image is larger than a batch holds
     */
    public static int maxCount(TensorShape imageShape) {
        return (int) (MAX_FLOATS / imageShape.size());
    }

    /**
     * Checks that one batch holds {@code count} images of {@code imageShape}: generators call it before
     * they draw or allocate anything, so that a request too large fails at once with the numbers, not
     * as an int overflow.
     *
     * @param count the number of images asked for
     * @param imageShape one image's shape
     * @return {@code count}
     * @throws IllegalArgumentException if {@code count < 1} or {@code count > maxCount(imageShape)},
     *     naming the count, the floats it needs and the limit
     */
    public static int checkCount(int count, TensorShape imageShape) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        int max = maxCount(imageShape);
        if (count > max) {
            // With max >= 1 an image is under 2^31 floats, so count * size fits a long.
            String holds = "; an ImageBatch holds at most " + MAX_FLOATS + " (the largest Java array)";
            throw new IllegalArgumentException(max == 0
                    ? "one image of " + imageShape + " is " + imageShape.size() + " floats" + holds
                    : "count " + count + " images of " + imageShape + " are " + count * imageShape.size() + " floats"
                            + holds + ": at most " + max + " images of " + imageShape + " at once. Generate them in"
                            + " parts");
        }
        return count;
    }

    /**
     * Returns the number of images.
     *
     * @return the number of images
     */
    public int count() {
        return count;
    }

    /**
     * Returns one image's shape.
     *
     * @return one image's shape
     */
    public TensorShape imageShape() {
        return imageShape;
    }

    /**
     * Returns a copy of all pixels, image after image.
     *
     * @return a copy of all pixels, image after image
     */
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
     * Lays the images out in a grid of {@code columns}, with a 2-pixel opaque black border, mapping
     * [-1, 1] to [0, 255] (values outside are clipped). Grey images are drawn with equal red, green
     * and blue; the second plane of a 2-channel image and the fourth of a 4-channel one are its alpha.
     * The grid is {@link BufferedImage#TYPE_INT_RGB} for 1 and 3 channels and {@link
     * BufferedImage#TYPE_INT_ARGB} (not premultiplied) for 2 and 4.
     *
     * @param columns the images per row, at least 1
     * @return the grid as an image
     * @throws IllegalArgumentException if {@code columns < 1}
     */
    public BufferedImage toGrid(int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        }
        int channels = imageShape.dim(0);
        boolean alpha = channels == 2 || channels == 4;
        int colours = alpha ? channels - 1 : channels;
        int h = imageShape.dim(1);
        int w = imageShape.dim(2);
        int cols = Math.min(columns, count);
        int rows = (count + cols - 1) / cols;
        int border = 2;
        // Grey stays in RGB rather than TYPE_BYTE_GRAY: Java's grey colour space is linear, so a grey
        // sample of 128 reads back from getRGB as 0xBCBCBC and setRGB(0x808080) stores 55.
        BufferedImage grid = new BufferedImage(cols * (w + border) + border, rows * (h + border) + border,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        if (alpha) {
            // A new ARGB image is transparent; the border stays opaque black as in an RGB grid.
            Graphics2D g = grid.createGraphics();
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
            g.dispose();
        }
        int plane = h * w;
        for (int i = 0; i < count; i++) {
            int x0 = border + (i % cols) * (w + border);
            int y0 = border + (i / cols) * (h + border);
            int base = i * channels * plane;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = y * w + x;
                    int r = toByte(pixels[base + p]);
                    int g = colours == 3 ? toByte(pixels[base + plane + p]) : r;
                    int b = colours == 3 ? toByte(pixels[base + 2 * plane + p]) : r;
                    int a = alpha ? toByte(pixels[base + colours * plane + p]) : 0xFF;
                    grid.setRGB(x0 + x, y0 + y, (a << 24) | (r << 16) | (g << 8) | b);
                }
            }
        }
        return grid;
    }

    /**
     * Writes the grid of {@link #toGrid(int)} as a PNG file, atomically: colour type RGB for 1 and 3
     * channels, RGB with alpha for 2 and 4.
     *
     * @param file the PNG file to write
     * @param columns the images per row, at least 1
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
