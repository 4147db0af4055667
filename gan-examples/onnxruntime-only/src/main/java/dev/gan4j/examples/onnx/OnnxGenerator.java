package dev.gan4j.examples.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * A gan4j generator exported to ONNX, run by onnxruntime: the contract (docs/onnx-contract.md) is
 * read from the model's metadata, so nothing but the file is needed.
 */
public final class OnnxGenerator implements AutoCloseable {

    /** The contract versions this client understands: 1, and 2 (a class-conditional generator). */
    static final String CONTRACT_VERSIONS = "1, 2";

    private final OrtEnvironment env;
    private final OrtSession session;
    private final Map<String, String> metadata;
    private final int latentDim;
    private final int[] imageShape;
    private final String outputRange;
    private final long fixedBatch;
    /** The classes of a conditional generator (contract 2), or 0. */
    private final int classes;

    private OnnxGenerator(OrtEnvironment env, OrtSession session) throws OrtException {
        this.env = env;
        this.session = session;
        this.metadata = session.getMetadata().getCustomMetadata();
        String version = require("gan4j.contract_version");
        if (!version.equals("1") && !version.equals("2")) {
            throw new IllegalArgumentException("model follows gan4j ONNX contract " + version
                    + "; this client understands contracts " + CONTRACT_VERSIONS);
        }
        if (!"NCHW".equals(require("gan4j.layout"))) {
            throw new IllegalArgumentException("model layout is " + metadata.get("gan4j.layout") + ", expected NCHW");
        }
        this.latentDim = Integer.parseInt(require("gan4j.latent_dim"));
        String[] dims = require("gan4j.image_shape").split(",");
        this.imageShape = new int[] {Integer.parseInt(dims[0]), Integer.parseInt(dims[1]), Integer.parseInt(dims[2])};
        this.outputRange = require("gan4j.output_range");
        NodeInfo z = session.getInputInfo().get("z");
        if (z == null || session.getOutputInfo().get("image") == null) {
            throw new IllegalArgumentException("model lacks the input z or the output image; it has inputs "
                    + session.getInputNames() + " and outputs " + session.getOutputNames());
        }
        this.fixedBatch = ((TensorInfo) z.getInfo()).getShape()[0];
        // Contract 2: a second input, label int64 [batch], announced by gan4j.inputs and gan4j.classes.
        this.classes = version.equals("2") ? Integer.parseInt(require("gan4j.classes")) : 0;
        if (classes > 0 && session.getInputInfo().get("label") == null) {
            throw new IllegalArgumentException("model announces " + classes + " classes but lacks the input label;"
                    + " it has inputs " + session.getInputNames());
        }
    }

    /** Opens a model file. */
    public static OnnxGenerator open(Path model) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session;
        // The session keeps what it needs of the options; their native handle can go at once.
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = env.createSession(model.toString(), options);
        }
        try {
            return new OnnxGenerator(env, session);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private String require(String key) {
        String value = metadata.get(key);
        if (value == null) {
            throw new IllegalArgumentException("model metadata lacks " + key + "; is it a gan4j export?");
        }
        return value;
    }

    /** Returns the model's metadata: the contract and the training provenance. */
    public Map<String, String> metadata() {
        return metadata;
    }

    public int latentDim() {
        return latentDim;
    }

    /** Returns channels, height and width. */
    public int[] imageShape() {
        return imageShape.clone();
    }

    /** Returns {@code [-1, 1]} or {@code [0, 1]}. */
    public String outputRange() {
        return outputRange;
    }

    /** Returns the classes of a class-conditional generator (contract 2), or 0 for an unconditional one. */
    public int classes() {
        return classes;
    }

    /** Returns the batch size the model is fixed to, or -1 for a dynamic batch. */
    public long fixedBatch() {
        return fixedBatch;
    }

    /**
     * Returns the images for {@code latents} ({@code count * latentDim} floats), {@code count * C * H *
     * W} floats in the model's output range, NCHW.
     */
    public float[] generate(float[] latents, int count) throws OrtException {
        if (classes > 0) {
            throw new IllegalArgumentException("model is conditional on " + classes + " classes; give a label per"
                    + " latent vector");
        }
        return run(latents, null, count);
    }

    /**
     * Returns the images for {@code latents} and their class {@code labels} (one per latent vector, each
     * in {@code [0, classes())}) from a class-conditional generator, as {@link #generate(float[], int)}.
     *
     * @throws IllegalArgumentException if the model is unconditional, or a label is out of range (naming
     *     its index and value)
     */
    public float[] generate(float[] latents, long[] labels, int count) throws OrtException {
        if (classes == 0) {
            throw new IllegalArgumentException("model is unconditional (contract 1); it takes no label");
        }
        if (labels.length != count) {
            throw new IllegalArgumentException("labels has " + labels.length + " values, " + count + " expected");
        }
        for (int i = 0; i < count; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " at index " + i + " is outside [0, "
                        + classes + ") of this model's classes");
            }
        }
        return run(latents, labels, count);
    }

    private float[] run(float[] latents, long[] labels, int count) throws OrtException {
        if (latents.length != (long) count * latentDim) {
            throw new IllegalArgumentException("latents has " + latents.length + " floats, " + count + " x "
                    + latentDim + " expected");
        }
        if (fixedBatch > 0 && count != fixedBatch) {
            throw new IllegalArgumentException("model is fixed to batch " + fixedBatch + ", got " + count);
        }
        try (OnnxTensor z = OnnxTensor.createTensor(env, FloatBuffer.wrap(latents), new long[] {count, latentDim});
                OnnxTensor label = labels == null ? null
                        : OnnxTensor.createTensor(env, LongBuffer.wrap(labels), new long[] {count});
                OrtSession.Result result = session.run(label == null ? Map.of("z", z) : Map.of("z", z, "label", label))) {
            FloatBuffer image = ((OnnxTensor) result.get("image").orElseThrow()).getFloatBuffer();
            float[] pixels = new float[image.remaining()];
            image.get(pixels);
            return pixels;
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
