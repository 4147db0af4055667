package dev.gan4j.djl;

import ai.djl.ndarray.NDManager;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.train.Provenance;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

/**
 * Generators with random parameters, BatchNorm statistics included, for comparing inference paths:
 * freshly initialised BatchNorm (scale 1, shift 0, mean 0, variance 1) would hide mistakes.
 */
final class RandomGenerators {

    private RandomGenerators() {}

    static final Provenance PROVENANCE = new Provenance("custom", 42, 1234, 3, 64, "nonSaturating", "0.9/0.1",
            "Adam(lr=1.0E-4)", "Adam(lr=1.0E-4)", 9000, "DJL test", "cpu()", "test", Instant.parse("2026-11-26T00:00:00Z"),
            5, 1, 0.999, "crc32c:0badf00d", Optional.of(TinyGan.discriminator()), "test JVM", "test OS",
            "00000000-0000-4000-8000-000000000042", "none", "none", 0);

    /** Returns a generator of {@code spec} whose every parameter is drawn from {@code seed}. */
    static DjlTrainedGan of(GeneratorSpec spec, long seed) {
        NDManager manager = NDManager.newBaseManager(DjlEngine.get().defaultDevice(), DjlEngine.get().getEngineName());
        Network network = Network.create(spec.stack(), manager);
        Random random = new Random(seed);
        for (Param p : network.params()) {
            float[] values = new float[Math.toIntExact(p.array().size())];
            String kind = p.name().substring(p.name().indexOf('.') + 1);
            for (int i = 0; i < values.length; i++) {
                float u = random.nextFloat();
                switch (kind) {
                    case "runningVar":
                        values[i] = 0.2f + 2f * u;
                        break;
                    case "gamma":
                        values[i] = 0.5f + u;
                        break;
                    case "weight":
                        // Keeps activations near unit scale whatever the fan-in.
                        values[i] = (u * 2 - 1) * 1.7f / (float) Math.sqrt(fanIn(p));
                        break;
                    default:
                        values[i] = u - 0.5f;
                }
            }
            if (kind.equals("spectralU")) {
                // Spectral normalization's u is a unit vector: a random direction.
                double norm = 0;
                for (float v : values) {
                    norm += (double) v * v;
                }
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (values[i] / Math.sqrt(norm));
                }
            }
            p.array().set(values);
        }
        return new DjlTrainedGan(spec, network, manager, PROVENANCE);
    }

    private static long fanIn(Param p) {
        long[] shape = p.array().getShape().getShape();
        long fan = 1;
        for (int d = 1; d < shape.length; d++) {
            fan *= shape[d];
        }
        // A transposed convolution's weight is [Cin, Cout, k, k]: each output sees Cin * k * k / stride².
        return Math.max(fan, shape[0]);
    }
}
