package dev.gan4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * The engine's one entry to {@code conv2d}, which works around wrong input gradients of PyTorch 2.7.1's
 * CPU convolution (oneDNN) on AVX-512 machines.
 *
 * <p>The bug: when a convolution has a number of output channels that is not a multiple of 16, its
 * backward pass for the input ({@code dL/dx}) reads memory it never initialised (oneDNN's blocked
 * layouts pad channels to the 16-float SIMD block), so the gradient is garbage, or NaN when the freed
 * memory held NaN, and nondeterministic: a run can pass when the allocator happens to return zeroed
 * pages. The forward pass and the weight and bias gradients are right. Measured on an AMD EPYC
 * (Zen 4) with DJL 0.36.0; {@code ConvolutionGradientTest} reproduces it. With
 * {@code ONEDNN_MAX_CPU_ISA=SSE41} oneDNN uses other kernels and is right.
 *
 * <p>The workaround: such a convolution runs with its filters padded by zero filters (and the bias by
 * zeros) to the next multiple of 16, and the extra output channels are sliced off (into a dense
 * copy). The zero filters' outputs receive no gradient, so every gradient is exact, and the parameters
 * keep their shapes. It costs a pad of the weight and the bias, a slice and a copy of the output, and
 * at most 15 extra filters, so it is applied only while autograd records (inference skips it) and only
 * when the channel count is not already a multiple of 16, which keeps the other layers' speed and
 * bits. Whether the input itself needs a gradient cannot decide it: DJL's {@code hasGradient()}
 * (torch's {@code requires_grad}) was measured false for activations whose input gradient torch then
 * computed. It is applied on every device, so that every device runs the same ops.
 */
final class Convolutions {

    /**
     * The output channel block that avoids the bug: oneDNN's AVX-512 block (16 floats), which is
     * also a multiple of its AVX2 block (8).
     */
    static final int CHANNEL_BLOCK = 16;

    private Convolutions() {}

    /**
     * PyTorch's {@code conv2d} with dilation 1 and one group, with exact gradients.
     *
     * @param x the input {@code [N, Cin, H, W]}
     * @param weight the filters {@code [Cout, Cin, kH, kW]}
     * @param bias the bias {@code [Cout]}, or {@code null} for none
     * @param stride the stride of both axes
     * @param padding the symmetric zero padding of both axes
     * @param scope the manager that receives the result and the workaround's intermediates (padded
     *     filters, full output): the caller's step or scope, never the parameters' long-lived manager
     * @return the output {@code [N, Cout, outH, outW]}, attached to {@code scope}
     */
    static NDArray conv2d(
            NDArray x, NDArray weight, NDArray bias, Shape stride, Shape padding, NDManager scope) {
        long cout = weight.getShape().get(0);
        Shape dilation = new Shape(1, 1);
        long extra = paddedChannels(cout) - cout;
        if (extra == 0 || !GradMode.isEnabled()) {
            return in(scope, Conv2d.conv2d(x, weight, bias, stride, padding, dilation).singletonOrThrow());
        }
        // DJL's pad takes (before, after) pairs starting at the LAST axis: this pads axis 0 after.
        // A DJL op attaches its result to its receiver's manager, which for a parameter lives as long as
        // the network: the padded copies are moved to the scope at once.
        NDArray padded = in(scope, weight.pad(new Shape(0, 0, 0, 0, 0, 0, 0, extra), 0));
        NDArray paddedBias = bias == null ? null : in(scope, bias.pad(new Shape(0, extra), 0));
        NDArray y = in(scope, Conv2d.conv2d(x, padded, paddedBias, stride, padding, dilation).singletonOrThrow());
        // The slice is a strided view; the ops after it (batch_norm) take other CPU paths for strided
        // inputs, which were measured to overflow to NaN a step earlier than on a dense input at absurd
        // learning rates (TrainingHealthTest). Multiplying by 1 makes a dense copy, exact and still on
        // the graph (DJL's duplicate() is not).
        return in(scope, y.get(new NDIndex(":, :{}", cout)).mul(1f));
    }

    private static NDArray in(NDManager scope, NDArray array) {
        array.attach(scope);
        return array;
    }

    /** Returns {@code channels} rounded up to a multiple of {@link #CHANNEL_BLOCK}. */
    static long paddedChannels(long channels) {
        return (channels + CHANNEL_BLOCK - 1) / CHANNEL_BLOCK * CHANNEL_BLOCK;
    }
}
