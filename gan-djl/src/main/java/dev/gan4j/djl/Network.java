package dev.gan4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import dev.gan4j.spec.Conditioning;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spec.Layer;
import dev.gan4j.spec.LayerStack;
import dev.gan4j.spec.Padding;
import dev.gan4j.spec.TensorShape;
import dev.gan4j.spi.HostTensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A {@link LayerStack} compiled to DJL operations, with its parameters. We do not use DJL's {@code
 * Block}s: a flat list of functional ops gives us full control of which manager every array lands in,
 * of the parameter layout (PyTorch's, which ONNX shares) and of the native calls per step.
 *
 * <p>A spectrally normalised layer ({@link Layer#spectralNorm()}) has one more, non-trainable
 * parameter after its weight and bias, {@code <layer>.spectralU}: see {@link SpectralNorm}.
 *
 * <p>A class-conditional network ({@link Conditioning}) has one more trainable parameter after the
 * layers': a generator's {@code label.embedding} {@code (classes, dim)}, whose row {@code y} is
 * concatenated after z; a projection discriminator's {@code projection.embedding} {@code (classes,
 * features)}, whose row {@code y}'s inner product with the features entering the last dense(1) is added
 * to its logit (Miyato &amp; Koyama 2018). Both are read by one gather per forward pass.
 */
final class Network {

    /** The name of a conditional generator's label embedding. */
    static final String LABEL_EMBEDDING = "label.embedding";

    /** The name of a projection discriminator's class embedding. */
    static final String PROJECTION_EMBEDDING = "projection.embedding";

    private final LayerStack stack;
    private final Conditioning conditioning;
    private final List<LayerOp> ops;
    private final List<Param> params;
    /** The label embedding or projection matrix, or {@code null} when unconditional. */
    private final NDArray embedding;

    private Network(LayerStack stack, Conditioning conditioning, List<LayerOp> ops, List<Param> params, NDArray embedding) {
        this.stack = stack;
        this.conditioning = conditioning;
        this.ops = ops;
        this.params = params;
        this.embedding = embedding;
    }

    /** Creates a generator's network, its label embedding included when conditional. */
    static Network create(GeneratorSpec spec, NDManager manager) {
        return compile(spec.stack(), spec.conditioning(), new ParamSource.Initializing(manager));
    }

    /** Creates a discriminator's network, its projection included when conditional. */
    static Network create(DiscriminatorSpec spec, NDManager manager) {
        return compile(spec.stack(), spec.conditioning(), new ParamSource.Initializing(manager));
    }

    /** Compiles a network of {@code conditioning} around existing parameters, checked by name and shape. */
    static Network withParams(LayerStack stack, Conditioning conditioning, List<Param> existing) {
        return compile(stack, conditioning, new ParamSource.Existing(existing));
    }

    /**
     * Rebuilds a conditional or unconditional network from host copies of its parameters, as {@link
     * #restore(LayerStack, List, NDManager)} does.
     */
    static Network restore(LayerStack stack, Conditioning conditioning, List<HostTensor> tensors, NDManager manager) {
        Network network = withParams(stack, conditioning, HostTensors.toParams(tensors, manager));
        network.requireGradients(true);
        return network;
    }

    /**
     * Compiles {@code stack}, creating its parameters in {@code manager} with Keras's initialisation:
     * Glorot-uniform kernels, zero biases, BatchNorm scale 1 and shift 0. Random draws come from the
     * engine's seeded generator.
     */
    static Network create(LayerStack stack, NDManager manager) {
        return compile(stack, Conditioning.none(), new ParamSource.Initializing(manager));
    }

    /**
     * Compiles {@code stack} as {@link #create(LayerStack, NDManager)} does, but draws the initial
     * weights on the host from {@code random}: the engine's generator, global to the process, is
     * neither used nor moved.
     */
    static Network create(LayerStack stack, NDManager manager, SplittableRandom random) {
        return compile(stack, Conditioning.none(), new ParamSource.HostInitializing(manager, random));
    }

    /** Compiles {@code stack} around existing parameters, checked by name and shape. */
    static Network withParams(LayerStack stack, List<Param> existing) {
        return compile(stack, Conditioning.none(), new ParamSource.Existing(existing));
    }

    /**
     * Rebuilds a network from host copies of its parameters, e.g. a checkpoint's, in {@code manager};
     * the trainable ones record gradients.
     *
     * @throws IllegalArgumentException if they do not fit {@code stack} by name and shape
     */
    static Network restore(LayerStack stack, List<HostTensor> tensors, NDManager manager) {
        Network network = withParams(stack, HostTensors.toParams(tensors, manager));
        network.requireGradients(true);
        return network;
    }

    private static Network compile(LayerStack stack, Conditioning conditioning, ParamSource source) {
        List<LayerOp> ops = new ArrayList<>();
        List<Param> params = new ArrayList<>();
        for (int i = 0; i < stack.layers().size(); i++) {
            ops.add(compileLayer(i, stack.layers().get(i), stack.inputShapeOf(i), source, params));
        }
        // After the layers', so that the layers draw their initial weights as an unconditional network's
        // would (for the same fan-in), and a file lists them in the same order.
        NDArray embedding = conditioning.accept(new Conditioning.Visitor<NDArray>() {
            @Override
            public NDArray visitNone(Conditioning.None none) {
                return null;
            }

            @Override
            public NDArray visitLabelEmbedding(Conditioning.LabelEmbedding e) {
                // torch.nn.Embedding's initialisation: N(0, 1).
                return source.normal(LABEL_EMBEDDING, new Shape(e.classes(), e.dim()), params);
            }

            @Override
            public NDArray visitProjection(Conditioning.Projection p) {
                int features = stack.inputShapeOf(stack.layers().size() - 1).dim(0);
                // Glorot-uniform, as the authors' SNGAN projection discriminator initialises its class
                // embedding (pfnet-research/sngan_projection, SNResNetProjectionDiscriminator.l_y).
                return source.glorot(PROJECTION_EMBEDDING, new Shape(p.classes(), features), features, p.classes(),
                        params);
            }
        });
        source.finish();
        return new Network(stack, conditioning, List.copyOf(ops), Collections.unmodifiableList(params), embedding);
    }

    LayerStack stack() {
        return stack;
    }

    /** How this network takes a label: none, a label embedding or a projection. */
    Conditioning conditioning() {
        return conditioning;
    }

    /** Returns every parameter, trainable or not, in a fixed order. */
    List<Param> params() {
        return params;
    }

    /**
     * Returns a copy of this network whose parameters are duplicates attached to {@code manager},
     * recording no gradients.
     */
    Network copyTo(NDManager manager) {
        List<Param> copies = new ArrayList<>(params.size());
        for (Param p : params) {
            NDArray copy = p.array().duplicate();
            copy.attach(manager);
            copies.add(new Param(p.name(), copy, p.trainable()));
        }
        return withParams(stack, conditioning, copies);
    }

    /**
     * Runs the batch through every layer.
     *
     * @throws IllegalStateException if the network is conditional: it needs the labels
     */
    NDArray forward(NDArray x, boolean training) {
        return forward(x, null, training);
    }

    /**
     * Runs the batch and its labels through the network: a conditional generator concatenates each
     * label's embedding row after z before the first layer; a projection discriminator adds {@code
     * <V[y], φ(x)>} to the last dense layer's logit, {@code φ(x)} being that layer's input.
     *
     * @param labels int64 {@code (N)} in {@code [0, classes)}, or {@code null} for an unconditional network
     * @throws IllegalStateException if labels are given to an unconditional network or missing for a
     *     conditional one
     */
    NDArray forward(NDArray x, NDArray labels, boolean training) {
        if ((labels != null) != (embedding != null)) {
            throw new IllegalStateException(embedding == null
                    ? "this network is unconditional and takes no labels"
                    : "this network is " + conditioning.describe() + " and needs the labels");
        }
        if (embedding == null) {
            return forward(x, training, 0, ops.size());
        }
        NDArray rows = embedding.get(labels);
        // DJL puts a result in its first operand's manager, here the parameters': move the rows to the
        // labels' (the step's), so that they and what is computed from them are freed with it.
        rows.attach(labels.getManager());
        if (conditioning instanceof Conditioning.LabelEmbedding) {
            return forward(x.concat(rows, 1), training, 0, ops.size());
        }
        int last = ops.size() - 1;
        NDArray features = forward(x, training, 0, last);
        // Miyato & Koyama 2018, eq. (3): ψ(φ(x)) + yᵀVφ(x), one row of V per example.
        return ops.get(last).forward(features, training).add(rows.mul(features).sum(new int[] {1}, true));
    }

    /** Runs the batch through layers {@code [from, to)}, e.g. to read a hidden layer's output. */
    NDArray forward(NDArray x, boolean training, int from, int to) {
        NDArray out = x;
        for (LayerOp op : ops.subList(from, to)) {
            out = op.forward(out, training);
        }
        return out;
    }

    /** Turns gradient recording of the trainable parameters on or off. */
    void requireGradients(boolean on) {
        for (Param p : params) {
            if (p.trainable()) {
                p.array().setRequiresGradient(on);
            }
        }
    }

    private static LayerOp compileLayer(int index, Layer layer, TensorShape in, ParamSource source, List<Param> params) {
        String prefix = index + ".";
        return layer.accept(new Layer.Visitor<LayerOp>() {
            @Override
            public LayerOp visitDense(Layer.Dense l) {
                int fanIn = in.dim(0);
                NDArray w = source.glorot(prefix + "weight", new Shape(l.units(), fanIn), fanIn, l.units(), params);
                NDArray b = l.useBias() ? source.constant(prefix + "bias", new Shape(l.units()), 0f, true, params) : null;
                if (l.spectralNorm()) {
                    SpectralNorm sn = spectralNorm(prefix, l.units(), false, source, params);
                    return (x, training) ->
                            Linear.linear(x, sn.normalized(w, x.getManager(), training), b).singletonOrThrow();
                }
                return (x, training) -> Linear.linear(x, w, b).singletonOrThrow();
            }

            @Override
            public LayerOp visitReshape(Layer.Reshape l) {
                int[] dims = l.target().dims();
                return (x, training) -> x.reshape(batchShape(x, dims));
            }

            @Override
            public LayerOp visitFlatten(Layer.Flatten l) {
                return (x, training) -> x.reshape(x.getShape().get(0), -1);
            }

            @Override
            public LayerOp visitBatchNorm(Layer.BatchNorm l) {
                Shape c = new Shape(in.dim(0));
                NDArray gamma = source.constant(prefix + "gamma", c, 1f, true, params);
                NDArray beta = source.constant(prefix + "beta", c, 0f, true, params);
                NDArray mean = source.constant(prefix + "runningMean", c, 0f, false, params);
                NDArray var = source.constant(prefix + "runningVar", c, 1f, false, params);
                // Axis -1 hands the call straight to torch's batch_norm, which normalises axis 1 of (N, C)
                // and (N, C, H, W) alike; DJL's other axes go through two extra transposes.
                return (x, training) -> x.getNDArrayInternal()
                        .batchNorm(x, mean, var, gamma, beta, -1, l.momentum(), l.epsilon(), training)
                        .singletonOrThrow();
            }

            @Override
            public LayerOp visitLeakyRelu(Layer.LeakyRelu l) {
                float alpha = l.alpha();
                return (x, training) -> Activation.leakyRelu(x, alpha);
            }

            @Override
            public LayerOp visitRelu(Layer.Relu l) {
                return (x, training) -> Activation.relu(x);
            }

            @Override
            public LayerOp visitTanh(Layer.Tanh l) {
                return (x, training) -> Activation.tanh(x);
            }

            @Override
            public LayerOp visitSigmoid(Layer.Sigmoid l) {
                return (x, training) -> Activation.sigmoid(x);
            }

            @Override
            public LayerOp visitConv(Layer.Conv l) {
                return conv(prefix, l, in, source, params);
            }

            @Override
            public LayerOp visitConvTranspose(Layer.ConvTranspose l) {
                return convTranspose(prefix, l, in, source, params);
            }

            @Override
            public LayerOp visitUpsample(Layer.Upsample l) {
                int f = l.factor();
                return (x, training) -> upsample(x, f);
            }

            @Override
            public LayerOp visitDropout(Layer.Dropout l) {
                float rate = l.rate();
                return (x, training) -> training ? Dropout.apply(x, rate) : x;
            }
        });
    }

    private static LayerOp conv(String prefix, Layer.Conv l, TensorShape in, ParamSource source, List<Param> params) {
        int c = in.dim(0);
        int k = l.kernel();
        NDArray w = source.glorot(prefix + "weight", new Shape(l.filters(), c, k, k), c * k * k, l.filters() * k * k, params);
        NDArray b = l.useBias() ? source.constant(prefix + "bias", new Shape(l.filters()), 0f, true, params) : null;
        SpectralNorm sn = l.spectralNorm() ? spectralNorm(prefix, l.filters(), false, source, params) : null;
        Padding.Resolved ph = l.resolvePadding(in.dim(1));
        Padding.Resolved pw = l.resolvePadding(in.dim(2));
        Shape stride = new Shape(l.stride(), l.stride());
        if (ph.symmetric() && pw.symmetric()) {
            Shape padding = new Shape(ph.before(), pw.before());
            return (x, training) -> Convolutions.conv2d(
                    x, weight(w, sn, x, training), b, stride, padding, x.getManager());
        }
        // TensorFlow's "same" pads the odd pixel after; torch's conv2d pads symmetrically only, so
        // pad explicitly (torch's pad order: last axis first, before then after).
        Shape explicit = new Shape(pw.before(), pw.after(), ph.before(), ph.after());
        Shape none = new Shape(0, 0);
        return (x, training) -> Convolutions.conv2d(
                x.pad(explicit, 0), weight(w, sn, x, training), b, stride, none, x.getManager());
    }

    /** The weight a layer uses: its parameter, or the parameter divided by its spectral norm. */
    private static NDArray weight(NDArray w, SpectralNorm sn, NDArray x, boolean training) {
        return sn == null ? w : sn.normalized(w, x.getManager(), training);
    }

    /**
     * Creates spectral normalization's vector {@code u} (non-trainable, saved with the parameters like
     * BatchNorm's running statistics), one value per output unit, a normal draw normalised.
     */
    private static SpectralNorm spectralNorm(
            String prefix, int rows, boolean rowsSecond, ParamSource source, List<Param> params) {
        return new SpectralNorm(source.unitVector(prefix + "spectralU", rows, params), rowsSecond);
    }

    private static LayerOp convTranspose(
            String prefix, Layer.ConvTranspose l, TensorShape in, ParamSource source, List<Param> params) {
        int c = in.dim(0);
        int k = l.kernel();
        // Keras's Glorot fans for Conv2DTranspose: in = k*k*filters, out = k*k*C.
        NDArray w = source.glorot(prefix + "weight", new Shape(c, l.filters(), k, k), l.filters() * k * k, c * k * k, params);
        NDArray b = l.useBias() ? source.constant(prefix + "bias", new Shape(l.filters()), 0f, true, params) : null;
        // PyTorch's spectral_norm(dim=1) for ConvTranspose: the rows are the output channels, axis 1.
        SpectralNorm sn = l.spectralNorm() ? spectralNorm(prefix, l.filters(), true, source, params) : null;
        Padding.Resolved ph = l.resolvePadding(in.dim(1));
        Padding.Resolved pw = l.resolvePadding(in.dim(2));
        return (x, training) -> TransposedConvolution.forward(
                x, weight(w, sn, x, training), b, l.stride(), ph, pw, l.outputPadding());
    }

    private static NDArray upsample(NDArray x, int f) {
        if (f == 1) {
            return x;
        }
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long w = s.get(3);
        // Nearest neighbour as a broadcast view and one copy: works on every device and differentiates.
        return x.reshape(n, c, h, 1, w, 1).broadcast(new Shape(n, c, h, f, w, f)).reshape(n, c, h * f, w * f);
    }

    private static Shape batchShape(NDArray x, int[] dims) {
        long[] shape = new long[dims.length + 1];
        shape[0] = x.getShape().get(0);
        for (int i = 0; i < dims.length; i++) {
            shape[i + 1] = dims[i];
        }
        return new Shape(shape);
    }

    /** Supplies parameters while compiling: fresh ones, or ones read from a file. */
    private abstract static class ParamSource {
        abstract NDArray glorot(String name, Shape shape, int fanIn, int fanOut, List<Param> params);

        abstract NDArray constant(String name, Shape shape, float value, boolean trainable, List<Param> params);

        /** A trainable matrix of N(0, 1) draws. */
        abstract NDArray normal(String name, Shape shape, List<Param> params);

        /** A non-trainable vector of {@code size} values: a standard normal draw divided by its norm. */
        abstract NDArray unitVector(String name, int size, List<Param> params);

        void finish() {}

        static class Initializing extends ParamSource {
            final NDManager manager;

            Initializing(NDManager manager) {
                this.manager = manager;
            }

            @Override
            NDArray glorot(String name, Shape shape, int fanIn, int fanOut, List<Param> params) {
                float limit = (float) Math.sqrt(6.0 / (fanIn + fanOut));
                NDArray a = manager.randomUniform(-limit, limit, shape);
                a.setRequiresGradient(true);
                params.add(new Param(name, a, true));
                return a;
            }

            @Override
            NDArray constant(String name, Shape shape, float value, boolean trainable, List<Param> params) {
                NDArray a = value == 0f ? manager.zeros(shape) : manager.full(shape, value);
                if (trainable) {
                    a.setRequiresGradient(true);
                }
                params.add(new Param(name, a, trainable));
                return a;
            }

            @Override
            NDArray normal(String name, Shape shape, List<Param> params) {
                NDArray a = manager.randomNormal(shape);
                a.setRequiresGradient(true);
                params.add(new Param(name, a, true));
                return a;
            }

            @Override
            NDArray unitVector(String name, int size, List<Param> params) {
                NDArray a;
                try (NDArray draw = manager.randomNormal(new Shape(size))) {
                    a = draw.normalize(2, 0, SpectralNorm.EPSILON);
                }
                params.add(new Param(name, a, false));
                return a;
            }
        }

        /** Glorot-uniform draws from a host generator, uploaded: the same weights on every device. */
        static final class HostInitializing extends Initializing {
            private final SplittableRandom random;

            HostInitializing(NDManager manager, SplittableRandom random) {
                super(manager);
                this.random = random;
            }

            @Override
            NDArray glorot(String name, Shape shape, int fanIn, int fanOut, List<Param> params) {
                double limit = Math.sqrt(6.0 / (fanIn + fanOut));
                float[] values = new float[Math.toIntExact(shape.size())];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) random.nextDouble(-limit, limit);
                }
                NDArray a = manager.create(values, shape);
                a.setRequiresGradient(true);
                params.add(new Param(name, a, true));
                return a;
            }

            @Override
            NDArray normal(String name, Shape shape, List<Param> params) {
                float[] values = new float[Math.toIntExact(shape.size())];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) random.nextGaussian();
                }
                NDArray a = manager.create(values, shape);
                a.setRequiresGradient(true);
                params.add(new Param(name, a, true));
                return a;
            }

            @Override
            NDArray unitVector(String name, int size, List<Param> params) {
                double[] draw = new double[size];
                double squares = 0;
                for (int i = 0; i < size; i++) {
                    draw[i] = random.nextGaussian();
                    squares += draw[i] * draw[i];
                }
                double norm = Math.max(Math.sqrt(squares), SpectralNorm.EPSILON);
                float[] values = new float[size];
                for (int i = 0; i < size; i++) {
                    values[i] = (float) (draw[i] / norm);
                }
                NDArray a = manager.create(values, new Shape(size));
                params.add(new Param(name, a, false));
                return a;
            }
        }

        static final class Existing extends ParamSource {
            private final List<Param> existing;
            private int next;

            Existing(List<Param> existing) {
                this.existing = existing;
            }

            private NDArray take(String name, Shape shape, boolean trainable, List<Param> params) {
                if (next >= existing.size()) {
                    throw new IllegalArgumentException("weights end before parameter " + name);
                }
                Param p = existing.get(next++);
                if (!p.name().equals(name) || !p.array().getShape().equals(shape)) {
                    throw new IllegalArgumentException(
                            "weights hold " + p.name() + " " + p.array().getShape() + " where the spec needs "
                                    + name + " " + shape);
                }
                Param checked = new Param(name, p.array(), trainable);
                params.add(checked);
                return checked.array();
            }

            @Override
            NDArray glorot(String name, Shape shape, int fanIn, int fanOut, List<Param> params) {
                return take(name, shape, true, params);
            }

            @Override
            NDArray constant(String name, Shape shape, float value, boolean trainable, List<Param> params) {
                return take(name, shape, trainable, params);
            }

            @Override
            NDArray normal(String name, Shape shape, List<Param> params) {
                return take(name, shape, true, params);
            }

            @Override
            NDArray unitVector(String name, int size, List<Param> params) {
                return take(name, new Shape(size), false, params);
            }

            @Override
            void finish() {
                if (next != existing.size()) {
                    throw new IllegalArgumentException(
                            "weights hold " + existing.size() + " parameters, the spec " + next);
                }
            }
        }
    }
}
