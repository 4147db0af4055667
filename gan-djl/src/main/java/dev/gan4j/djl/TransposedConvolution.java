package dev.gan4j.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.gan4j.spec.Padding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A 2-D transposed convolution with PyTorch's and ONNX's {@code ConvTranspose} semantics, built from
 * ordinary convolutions because DJL's PyTorch engine does not implement {@code deconvolution}.
 *
 * <p>It uses the sub-pixel formulation (Shi et al., "Is the deconvolution layer the same as a
 * convolutional layer?", 2016, arXiv:1609.07009): along one axis, the full output
 * position {@code y = q * stride + r} receives {@code sum_j x[q - j] * W[r + stride * j]}, so each phase
 * {@code r} is a full convolution of the input with the flipped sub-kernel {@code W[r::stride]}. The
 * phases are computed by {@code conv2d}, interleaved by a depth-to-space reshape and cropped, so no
 * multiplication ever touches the zeros a naive implementation would insert between input pixels.
 *
 * <p>Every step is a differentiable PyTorch op on the input's device: no host copies. The phase
 * kernels are gathered from the weight with an index built once per shape and device.
 */
final class TransposedConvolution {

    private TransposedConvolution() {}

    /**
     * Computes the transposed convolution.
     *
     * <p>Per spatial axis the full output has {@code (in - 1) * stride + kernel + outputPadding}
     * positions, the last {@code outputPadding} of which receive no contribution; the result keeps
     * {@code full[before : full - after]}. With {@code before == after == p} this is PyTorch's
     * {@code ConvTranspose2d(padding=p, output_padding=outputPadding)}; TensorFlow's {@code "same"} is an
     * asymmetric crop. The bias, if any, is added to every output position.
     *
     * @param x the input {@code [N, Cin, H, W]}
     * @param weight the kernel {@code [Cin, Cout, kH, kW]}, PyTorch's and ONNX's layout
     * @param bias the bias {@code [Cout]}, or {@code null} for none
     * @param stride the stride of both axes, at least 1
     * @param padH the crop before and after the height axis
     * @param padW the crop before and after the width axis
     * @param outputPadding the extra positions at the end of both axes, in {@code [0, stride)}
     * @return the output {@code [N, Cout, outH, outW]}, attached to {@code x}'s manager
     * @throws IllegalArgumentException if the shapes do not agree, a setting is out of range, or the
     *     output would be empty
     */
    static NDArray forward(
            NDArray x,
            NDArray weight,
            NDArray bias,
            int stride,
            Padding.Resolved padH,
            Padding.Resolved padW,
            int outputPadding) {
        Shape xShape = x.getShape();
        Shape wShape = weight.getShape();
        check(xShape, wShape, bias, stride, outputPadding);
        int cout = (int) wShape.get(1);
        Axis height = Axis.of("height", xShape.get(2), wShape.get(2), stride, padH, outputPadding);
        Axis width = Axis.of("width", xShape.get(3), wShape.get(3), stride, padW, outputPadding);

        // A DJL op attaches its result to its receiver's manager, so the weight's reshaped copies would
        // pile up in the long-lived manager holding the parameters. The first array derived from each
        // argument is therefore moved into this scope (ops on it stay there), and the scope frees them
        // all on return; autograd keeps its own references to what backward needs. The arguments are
        // not moved (tempAttach), which would race when a generator's weights are shared by threads.
        try (NDManager scope = NDManager.subManagerOf(x)) {
            NDArray out;
            if (stride == 1) {
                // One phase: an ordinary convolution with the kernel flipped and its channel axes
                // swapped. conv2d may add the bias, since with stride 1 every kept position is computed.
                // A 4-D flip of the trailing axes is cheap (unlike the strided phase split), and conv2d
                // copies the swapped view with whole kernels as inner runs: measured faster than the
                // gather of phaseKernels here.
                NDArray kernel = in(scope, weight.flip(2, 3)).transpose(1, 0, 2, 3);
                Group gh = height.groups.get(0);
                Group gw = width.groups.get(0);
                out = crop(conv(scope, x, kernel, bias, gh, gw, height, width), height, width);
            } else {
                NDList kernels = phaseKernels(scope, weight, height, width);
                out = crop(interleavedPhases(scope, x, kernels, cout, height, width), height, width);
                if (bias != null) {
                    // Added after the crop, not by conv2d: the output padding positions need it too.
                    out = out.add(in(scope, bias.reshape(1, cout, 1, 1)));
                }
            }
            return scope.ret(out);
        }
    }

    private static void check(Shape xShape, Shape wShape, NDArray bias, int stride, int outputPadding) {
        if (xShape.dimension() != 4) {
            throw new IllegalArgumentException(
                    "transposed convolution input must be [N, C, H, W], got " + xShape);
        }
        if (wShape.dimension() != 4) {
            throw new IllegalArgumentException(
                    "transposed convolution weight must be [Cin, Cout, kH, kW], got " + wShape);
        }
        if (xShape.get(1) != wShape.get(0)) {
            throw new IllegalArgumentException("transposed convolution input has " + xShape.get(1)
                    + " channels but the weight " + wShape + " expects " + wShape.get(0));
        }
        if (bias != null && !bias.getShape().equals(new Shape(wShape.get(1)))) {
            throw new IllegalArgumentException("transposed convolution bias must be [" + wShape.get(1)
                    + "] for the weight " + wShape + ", got " + bias.getShape());
        }
        if (stride < 1) {
            throw new IllegalArgumentException("transposed convolution stride must be >= 1, got " + stride);
        }
        if (outputPadding < 0 || outputPadding >= stride) {
            throw new IllegalArgumentException("transposed convolution outputPadding must be in [0, stride)"
                    + " = [0, " + stride + "), got " + outputPadding);
        }
    }

    /**
     * Computes every phase and interleaves them: {@code [N, Cout, phaseLength * stride, ...]}.
     *
     * <p>When {@code kernel % stride == 0} every sub-kernel has the same size, so all {@code stride^2}
     * phases are one conv2d with their kernels stacked along the output channels (fewest native calls,
     * which is what counts on a GPU). Otherwise the sub-kernels of an axis have two sizes; padding the
     * short ones with zeros would waste multiplications, so each group of equal size gets its own
     * conv2d (at most four), and the shorter outputs are padded by one position to a common size.
     */
    private static NDArray interleavedPhases(
            NDManager scope, NDArray x, NDList kernels, int cout, Axis height, Axis width) {
        long n = x.getShape().get(0);
        int stride = height.stride;
        NDList rows = new NDList();
        int next = 0;
        for (Group gh : height.groups) {
            NDList row = new NDList();
            for (Group gw : width.groups) {
                NDArray phases = conv(scope, x, kernels.get(next++), null, gh, gw, height, width);
                int padH = height.taps - gh.taps;
                int padW = width.taps - gw.taps;
                if (padH > 0 || padW > 0) {
                    phases = phases.pad(new Shape(0, padW, 0, padH), 0);
                }
                row.add(phases.reshape(
                        n, cout, gh.phases, gw.phases, height.phaseLength, width.phaseLength));
            }
            NDArray joined = row.size() == 1 ? row.head() : NDArrays.concat(row, 3);
            if (width.emptyPhases > 0) {
                // Phases with no kernel tap at all (kernel < stride) are zeros, not convolutions.
                joined = joined.pad(new Shape(0, 0, 0, 0, 0, width.emptyPhases), 0);
            }
            rows.add(joined);
        }
        NDArray all = rows.size() == 1 ? rows.head() : NDArrays.concat(rows, 2);
        if (height.emptyPhases > 0) {
            all = all.pad(new Shape(0, 0, 0, 0, 0, 0, 0, height.emptyPhases), 0);
        }
        // Depth-to-space: [N, Cout, rh, rw, qh, qw] -> [N, Cout, qh * stride + rh, qw * stride + rw].
        return all.transpose(0, 1, 4, 2, 5, 3)
                .reshape(n, cout, (long) height.phaseLength * stride, (long) width.phaseLength * stride);
    }

    /**
     * The conv2d kernel of every phase group, in the order of {@code height.groups} then
     * {@code width.groups}: group {@code (gh, gw)} is {@code [Cout * gh.phases * gw.phases, Cin, gh.taps,
     * gw.taps]}, output channel {@code (o * gh.phases + rh) * gw.phases + rw} (ready for depth-to-space),
     * taps flipped so that conv2d's correlation computes the scatter.
     *
     * <p>Each weight element belongs to exactly one (phase, tap), so all the kernels together are a
     * permutation of the weight: one gather with a precomputed index, split into views. Padding the
     * kernel to whole strides, flipping the taps of its 6-D view and slicing the groups out cost several
     * times the batch-1 convolutions: those copies move one to four floats per inner loop, and each
     * slice's backward writes a zeroed weight-sized gradient, summed over the groups. The gather is one
     * pass, its backward one scatter and the split's one concatenation. One conv2d over all phases with
     * zero-padded sub-kernels was measured slower on the CPU even at batch 1 (more multiplications).
     */
    private static NDList phaseKernels(NDManager scope, NDArray weight, Axis height, Axis width) {
        Shape wShape = weight.getShape();
        long cin = wShape.get(0);
        long cout = wShape.get(1);
        NDArray index = KernelIndex.of(weight, height, width);
        NDArray all = in(scope, weight.reshape(-1)).take(scope, index);
        int count = height.groups.size() * width.groups.size();
        long[] ends = new long[count - 1];
        long[][] shapes = new long[count][];
        long end = 0;
        int i = 0;
        for (Group gh : height.groups) {
            for (Group gw : width.groups) {
                shapes[i] = new long[] {cout * gh.phases * gw.phases, cin, gh.taps, gw.taps};
                end += new Shape(shapes[i]).size();
                if (i < count - 1) {
                    ends[i] = end;
                }
                i++;
            }
        }
        NDList parts = count == 1 ? new NDList(all) : all.split(ends, 0);
        NDList kernels = new NDList(count);
        for (int g = 0; g < count; g++) {
            kernels.add(parts.get(g).reshape(shapes[g]));
        }
        return kernels;
    }

    /** The "full" convolution of one phase group, less the {@code shrink} positions at both ends. */
    private static NDArray conv(NDManager scope, NDArray x, NDArray kernel, NDArray bias, Group gh, Group gw,
            Axis height, Axis width) {
        Shape padding = new Shape(gh.taps - 1 - height.shrink, gw.taps - 1 - width.shrink);
        Shape one = new Shape(1, 1);
        return Convolutions.conv2d(x, kernel, bias, one, padding, scope);
    }

    /** Moves a fresh intermediate into the scope, so the ops on it leave their results there too. */
    private static NDArray in(NDManager scope, NDArray array) {
        array.attach(scope);
        return array;
    }

    /** Keeps {@code [cropStart, cropEnd)} of both axes, zeros where it runs past the computed positions. */
    private static NDArray crop(NDArray y, Axis height, Axis width) {
        int zerosH = Math.max(height.cropEnd - height.computed(), 0);
        int zerosW = Math.max(width.cropEnd - width.computed(), 0);
        // NDArray.pad cannot crop as torch's pad does with negative amounts: DJL passes the amounts in
        // a Shape, which rejects values below -1. So zeros are padded first (amounts start at the LAST
        // axis: left, right, top, bottom), which also covers a crop that starts inside them, and the
        // crop is a slice, a view.
        if (zerosH > 0 || zerosW > 0) {
            y = y.pad(new Shape(0, zerosW, 0, zerosH), 0);
        }
        if (height.cropStart == 0 && height.cropEnd == height.computed() + zerosH
                && width.cropStart == 0 && width.cropEnd == width.computed() + zerosW) {
            return y;
        }
        return y.get(new NDIndex(":, :, {}:{}, {}:{}",
                height.cropStart, height.cropEnd, width.cropStart, width.cropEnd));
    }

    /**
     * The gather index of {@link #phaseKernels}, built on the host once per weight shape, stride and
     * device, and kept: a GPU then never waits for an upload, and a CPU never rebuilds it. It holds one
     * {@code long} per weight element, twice the bytes of a float weight (9 MB for {@code [512, 256, 3,
     * 3]}); a process sees few distinct layer shapes, so the cache is not bounded.
     */
    private static final class KernelIndex {

        private static final Map<Key, NDArray> CACHE = new ConcurrentHashMap<>();
        private static final Map<Device, NDManager> MANAGERS = new ConcurrentHashMap<>();

        private record Key(Device device, Shape weight, int stride) {}

        private KernelIndex() {}

        static NDArray of(NDArray weight, Axis height, Axis width) {
            Device device = weight.getDevice();
            return CACHE.computeIfAbsent(new Key(device, weight.getShape(), height.stride), key -> {
                // Not the weight's manager: the index outlives any one network, and no caller's
                // manager may close it under another thread.
                NDManager manager = MANAGERS.computeIfAbsent(
                        device, d -> weight.getManager().getEngine().newBaseManager(d));
                return manager.create(build(key.weight, height, width));
            });
        }

        /**
         * Entry {@code i} of the gathered kernels is the position of their element {@code i} in the
         * flattened weight {@code [Cin, Cout, kH, kW]}: for phase {@code r} of a group with {@code taps}
         * taps, tap {@code j} of the correlation is kernel index {@code (taps - 1 - j) * stride + r}.
         */
        private static long[] build(Shape weight, Axis height, Axis width) {
            int cin = Math.toIntExact(weight.get(0));
            int cout = Math.toIntExact(weight.get(1));
            int kh = height.kernel;
            int kw = width.kernel;
            long[] index = new long[Math.toIntExact(weight.size())];
            int i = 0;
            for (Group gh : height.groups) {
                for (Group gw : width.groups) {
                    for (int o = 0; o < cout; o++) {
                        for (int rh = gh.firstPhase; rh < gh.firstPhase + gh.phases; rh++) {
                            for (int rw = gw.firstPhase; rw < gw.firstPhase + gw.phases; rw++) {
                                for (int c = 0; c < cin; c++) {
                                    long channel = ((long) c * cout + o) * kh;
                                    for (int jh = 0; jh < gh.taps; jh++) {
                                        long row = (channel + (gh.taps - 1 - jh) * height.stride + rh) * kw;
                                        for (int jw = 0; jw < gw.taps; jw++) {
                                            index[i++] = row + (gw.taps - 1 - jw) * width.stride + rw;
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return index;
        }
    }

    /**
     * Consecutive phases whose sub-kernels have the same number of taps.
     *
     * @param firstPhase the first phase r
     * @param phases how many phases
     * @param taps the taps of each sub-kernel, at least 1
     */
    private record Group(int firstPhase, int phases, int taps) {}

    /**
     * How one spatial axis splits into phases and what is kept of it.
     *
     * @param kernel the kernel size
     * @param taps the longest sub-kernel, {@code ceil(kernel / stride)}
     * @param groups the phases with at least one tap, longest first
     * @param emptyPhases the trailing phases with no tap (when {@code kernel < stride})
     * @param shrink the phase positions dropped at both ends by conv2d's padding, sparing the crop
     * @param phaseLength the positions per phase, after padding the short groups
     * @param cropStart the first kept position of the interleaved phases
     * @param cropEnd the end of the kept positions, which may run past the interleaved ones
     * @param stride the stride
     */
    private record Axis(int kernel, int taps, List<Group> groups, int emptyPhases, int shrink,
            int phaseLength, int cropStart, int cropEnd, int stride) {

        static Axis of(String name, long inSize, long kernelSize, int stride, Padding.Resolved crop,
                int outputPadding) {
            int in = Math.toIntExact(inSize);
            int kernel = Math.toIntExact(kernelSize);
            int full = (in - 1) * stride + kernel + outputPadding;
            int end = full - crop.after();
            if (end - crop.before() < 1) {
                throw new IllegalArgumentException("transposed convolution output " + name + " would be ("
                        + in + " - 1) * " + stride + " + " + kernel + " + " + outputPadding + " - "
                        + crop.before() + " - " + crop.after() + " = " + (end - crop.before())
                        + "; it must be at least 1");
            }
            int taps = (kernel + stride - 1) / stride;
            // Phases r < kernel % stride have one tap more than the rest (all equal when it is 0).
            int longPhases = kernel % stride == 0 ? stride : kernel % stride;
            List<Group> groups = new ArrayList<>();
            groups.add(new Group(0, longPhases, taps));
            int emptyPhases = 0;
            if (longPhases < stride) {
                if (taps > 1) {
                    groups.add(new Group(longPhases, stride - longPhases, taps - 1));
                } else {
                    emptyPhases = stride - longPhases;
                }
            }
            int computed = (in + taps - 1) * stride;
            int shrink = 0;
            if (groups.size() == 1 && emptyPhases == 0) {
                // With one group every phase has the same length, so a smaller symmetric conv2d padding
                // skips positions the crop would drop anyway (stride 1 "same": no crop left at all).
                // With two groups the short one's last positions would be lost, so nothing is skipped.
                shrink = Math.max(0, Math.min(taps - 1,
                        Math.min(crop.before() / stride, Math.floorDiv(computed - end, stride))));
            }
            int phaseLength = in + taps - 1 - 2 * shrink;
            return new Axis(kernel, taps, List.copyOf(groups), emptyPhases, shrink, phaseLength,
                    crop.before() - shrink * stride, end - shrink * stride, stride);
        }

        /** Returns the positions the interleaved phases provide. */
        int computed() {
            return phaseLength * stride;
        }
    }
}
