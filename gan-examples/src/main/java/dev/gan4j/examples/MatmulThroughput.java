package dev.gan4j.examples;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The machine's float32 matrix-multiply rate through the same engine and native library that train
 * the GANs (DJL's PyTorch): the ceiling a training step's convolutions can approach.
 */
final class MatmulThroughput {

    private MatmulThroughput() {}

    /**
     * Returns the best GFLOP/s of square {@code n x n} products over {@code seconds} of repeats, after
     * a warm-up; each product is {@code 2 n³} FLOPs.
     */
    static double gflops(int n, double seconds) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.randomUniform(-1f, 1f, new Shape(n, n));
            NDArray b = manager.randomUniform(-1f, 1f, new Shape(n, n));
            for (int i = 0; i < 3; i++) {
                try (NDArray c = a.matMul(b)) {
                    c.getFloat(0, 0);
                }
            }
            double best = 0;
            long end = System.nanoTime() + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                long start = System.nanoTime();
                try (NDArray c = a.matMul(b)) {
                    // Reading one element waits for the product, whatever the device.
                    c.getFloat(0, 0);
                }
                best = Math.max(best, 2.0 * n * n * n / ((System.nanoTime() - start) / 1e9) / 1e9);
            }
            return best;
        }
    }
}
