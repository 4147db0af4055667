package dev.gan4j.examples.onnx;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/** Writes NCHW images (1 or 3 channels) as one PNG grid, atomically: a temp file, then a move. */
final class PngGrid {

    private PngGrid() {}

    /**
     * Writes {@code count} images laid out in {@code columns}.
     *
     * @param pixels NCHW floats in {@code range}: {@code [-1, 1]} or {@code [0, 1]}
     */
    static void write(Path file, float[] pixels, int count, int[] chw, String range, int columns) throws IOException {
        int c = chw[0];
        int h = chw[1];
        int w = chw[2];
        if (c != 1 && c != 3) {
            throw new IllegalArgumentException("a PNG grid needs 1 or 3 channels, the model makes " + c);
        }
        boolean signed = range.equals("[-1, 1]");
        int rows = (count + columns - 1) / columns;
        BufferedImage grid = new BufferedImage(columns * w, rows * h, BufferedImage.TYPE_INT_RGB);
        for (int n = 0; n < count; n++) {
            int x0 = (n % columns) * w;
            int y0 = (n / columns) * h;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int[] rgb = new int[3];
                    for (int k = 0; k < 3; k++) {
                        float v = pixels[((n * c + (c == 1 ? 0 : k)) * h + y) * w + x];
                        float unit = signed ? (v + 1f) / 2f : v;
                        rgb[k] = Math.round(Math.max(0f, Math.min(1f, unit)) * 255f);
                    }
                    grid.setRGB(x0 + x, y0 + y, (rgb[0] << 16) | (rgb[1] << 8) | rgb[2]);
                }
            }
        }
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                if (!ImageIO.write(grid, "png", out)) {
                    throw new IOException("no PNG writer in this JDK");
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
