package dev.gan4j.djl;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/** Runs an exported generator with onnxruntime, the independent reference for our graphs. */
final class OnnxRuntimes {

    private OnnxRuntimes() {}

    /** Returns the {@code image} output for {@code count} latent vectors, flattened. */
    static float[] generate(Path model, float[] z, int count) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(model.toString(), options);
                OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(z), new long[] {count, z.length / count});
                OrtSession.Result result = session.run(Map.of("z", input))) {
            OnnxTensor image = (OnnxTensor) result.get("image").orElseThrow();
            FloatBuffer buffer = image.getFloatBuffer();
            float[] out = new float[buffer.remaining()];
            buffer.get(out);
            return out;
        }
    }

    /** Returns the largest absolute difference, after checking the lengths agree. */
    static double maxAbsDifference(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
        }
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs((double) a[i] - b[i]);
            if (!(d <= max)) {
                max = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
            }
        }
        return max;
    }
}
