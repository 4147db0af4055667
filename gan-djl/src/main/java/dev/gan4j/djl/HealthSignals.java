package dev.gan4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The health monitor's signals, computed on the device as scalars so that they join the step's one
 * stacked copy to the host. Only measured steps compute them.
 */
final class HealthSignals {

    private HealthSignals() {}

    /**
     * Returns the global L2 norm of the gradients of {@code network}'s trained parameters, as a scalar in
     * {@code scope}. Call it after the backward pass and before the optimiser, which zeroes the gradients.
     */
    static NDArray gradientNorm(Network network, NDManager scope) {
        NDList norms = new NDList();
        for (Param p : network.params()) {
            if (p.trainable()) {
                NDArray grad = p.array().getGradient();
                // The gradient's handle lands in the parameter's long-lived manager; moved to the step's, it
                // and the norm derived from it are freed with the step.
                grad.attach(scope);
                norms.add(grad.norm());
            }
        }
        return NDArrays.stack(norms).norm();
    }

    /**
     * Returns the mean L2 distance between two different images of {@code batch} (any shape {@code (n,
     * ...)}), as a scalar in the batch's manager; NaN when {@code n < 2}. Uses the Gram matrix: {@code
     * |a - b|^2 = |a|^2 + |b|^2 - 2 a.b}, one {@code n x n} product instead of {@code n^2} differences.
     */
    static NDArray meanPairwiseDistance(NDArray batch) {
        NDManager manager = batch.getManager();
        long n = batch.getShape().get(0);
        if (n < 2) {
            return manager.create(Float.NaN);
        }
        NDArray x = batch.reshape(n, -1);
        // Centring changes no distance, but keeps the subtraction below from cancelling large norms when
        // the images are nearly alike (a collapsed generator), where float32 would otherwise lose them.
        x = x.sub(x.mean(new int[] {0}, true));
        NDArray squares = x.square().sum(new int[] {1}, true);
        NDArray distances = squares.add(squares.transpose())
                .sub(x.matMul(x.transpose()).mul(2f))
                .maximum(0f)
                .sqrt();
        // The diagonal is zero up to rounding, which sqrt would magnify: leave it out exactly.
        NDArray offDiagonal = manager.ones(new Shape(n, n)).sub(manager.eye((int) n));
        return distances.mul(offDiagonal).sum().div((float) (n * (n - 1)));
    }
}
