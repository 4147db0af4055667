package dev.gan4j.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A checked sequence of layers with the shape of every intermediate result: what both specs are
 * made of. Construction runs shape inference and fails on the first layer that cannot take its input.
 */
public final class LayerStack {

    private final TensorShape inputShape;
    private final List<Layer> layers;
    private final List<TensorShape> outputShapes;

    /**
     * Checks the layers against the input shape.
     *
     * @param what "generator" or "discriminator", for messages
     * @throws IllegalArgumentException naming the first layer (by index and kind) that cannot take its
     *     input
     */
    LayerStack(String what, TensorShape inputShape, List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalStateException(what + " has no layers; add at least one");
        }
        this.inputShape = inputShape;
        this.layers = List.copyOf(layers);
        List<TensorShape> shapes = new ArrayList<>(layers.size());
        TensorShape current = inputShape;
        for (int i = 0; i < layers.size(); i++) {
            try {
                current = layers.get(i).outputShape(current);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        what + " layer " + i + " (" + layers.get(i).kind() + "): " + e.getMessage(), e);
            }
            shapes.add(current);
        }
        this.outputShapes = List.copyOf(shapes);
    }

    /**
     * Returns the input shape of the first layer.
     *
     * @return the input shape of the first layer
     */
    public TensorShape inputShape() {
        return inputShape;
    }

    /**
     * Returns the layers in order.
     *
     * @return the layers in order
     */
    public List<Layer> layers() {
        return layers;
    }

    /**
     * Returns the input shape of layer {@code i}.
     *
     * @param i the layer, from 0
     * @return the input shape of layer {@code i}
     */
    public TensorShape inputShapeOf(int i) {
        return i == 0 ? inputShape : outputShapes.get(i - 1);
    }

    /**
     * Returns the output shape of layer {@code i}.
     *
     * @param i the layer, from 0
     * @return the output shape of layer {@code i}
     */
    public TensorShape outputShapeOf(int i) {
        return outputShapes.get(i);
    }

    /**
     * Returns the output shape of the last layer.
     *
     * @return the output shape of the last layer
     */
    public TensorShape outputShape() {
        return outputShapes.get(outputShapes.size() - 1);
    }

    /**
     * Returns the number of parameters trained by gradients.
     *
     * @return the number of parameters trained by gradients
     */
    public long trainableParameterCount() {
        long n = 0;
        for (int i = 0; i < layers.size(); i++) {
            n += layers.get(i).trainableParameterCount(inputShapeOf(i));
        }
        return n;
    }

    /**
     * Returns the number of parameters not trained by gradients (BatchNorm running statistics).
     *
     * @return the number of parameters not trained by gradients (BatchNorm running statistics)
     */
    public long nonTrainableParameterCount() {
        long n = 0;
        for (int i = 0; i < layers.size(); i++) {
            n += layers.get(i).nonTrainableParameterCount(inputShapeOf(i));
        }
        return n;
    }

    /**
     * Returns the multiply-accumulates of one example's forward pass through every layer.
     *
     * @return the multiply-accumulates of one example's forward pass through every layer
     */
    public long forwardMacs() {
        long n = 0;
        for (int i = 0; i < layers.size(); i++) {
            n += layers.get(i).forwardMacs(inputShapeOf(i));
        }
        return n;
    }

    /** Returns a Keras-like table: one row per layer with its settings, output shape and parameters. */
    String summary(String title) {
        return summary(title, List.of(), List.of(), 0);
    }

    /**
     * Returns the table with rows of a conditioning scheme: {@code before} (layer, settings, shape,
     * parameters) in place of the input row, {@code after} after the last layer, and their {@code
     * extraTrainable} parameters in the totals.
     */
    String summary(String title, List<String[]> before, List<String[]> after, long extraTrainable) {
        StringBuilder sb = new StringBuilder();
        String rule = "-".repeat(78) + "\n";
        sb.append(title).append('\n').append(rule);
        sb.append(row("Layer (type)", "Settings", "Output Shape", "Param #"));
        sb.append("=".repeat(78)).append('\n');
        if (before.isEmpty()) {
            sb.append(row("input", "", inputShape.toString(), "0"));
        }
        for (String[] r : before) {
            sb.append(row(r[0], r[1], r[2], r[3]));
        }
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            TensorShape in = inputShapeOf(i);
            long params = layer.trainableParameterCount(in) + layer.nonTrainableParameterCount(in);
            sb.append(row(i + " " + layer.kind(), layer.settings(), outputShapes.get(i).toString(), fmt(params)));
        }
        for (String[] r : after) {
            sb.append(row(r[0], r[1], r[2], r[3]));
        }
        sb.append("=".repeat(78)).append('\n');
        long trainable = trainableParameterCount() + extraTrainable;
        long frozen = nonTrainableParameterCount();
        sb.append("Total params: ").append(fmt(trainable + frozen)).append('\n');
        sb.append("Trainable params: ").append(fmt(trainable)).append('\n');
        sb.append("Non-trainable params: ").append(fmt(frozen)).append('\n');
        sb.append(String.format(Locale.ROOT, "Forward cost: %.1f MMAC per example%n", forwardMacs() / 1e6));
        return sb.toString();
    }

    private static String row(String layer, String settings, String shape, String params) {
        return String.format(Locale.ROOT, "%-24s %-22s %-18s %12s%n", layer, settings, shape, params);
    }

    static String fmt(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerStack
                && inputShape.equals(((LayerStack) o).inputShape)
                && layers.equals(((LayerStack) o).layers);
    }

    @Override
    public int hashCode() {
        return 31 * inputShape.hashCode() + layers.hashCode();
    }
}
