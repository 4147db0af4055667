package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.gan4j.data.InMemoryImageDataset;
import dev.gan4j.image.ImageBatch;
import dev.gan4j.spec.Conditioning;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spec.Padding;
import dev.gan4j.spec.TensorShape;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanTrainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine's side of class-conditional GANs: the label embedding and the projection against a
 * double-precision computation in Java, their parameters, the labels of each batch, which network each
 * update changes, and which image answers which label.
 */
class ConditionalNetworkTest {

    @RegisterExtension
    final CpuArrays cpu = new CpuArrays();

    /** TinyGan's generator, conditional on 3 classes through a 4-float embedding. */
    static GeneratorSpec generator() {
        return GeneratorSpec.builder().latentDim(8).conditioning(Conditioning.labelEmbedding(3, 4))
                .dense(2 * 4 * 4, false).reshape(2, 4, 4).batchNorm().relu()
                .convTranspose(3, 3, 2, Padding.same()).leakyRelu(0.2f)
                .conv(1, 3, 1, Padding.same()).tanh()
                .build();
    }

    /** TinyGan's discriminator, a projection discriminator of 3 classes. */
    static DiscriminatorSpec discriminator() {
        return TinyGan.discriminator(Conditioning.projection(3));
    }

    /** Random 1x8x8 images in [-1, 1] labelled {@code i % 3}. */
    static InMemoryImageDataset data(int count, long seed) {
        float[] pixels = TinyGan.pixels(count, seed);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 3;
        }
        return InMemoryImageDataset.of(pixels, TensorShape.of(1, 8, 8), labels);
    }

    @Test
    void labelEmbeddingIsConcatenatedAfterZAsADoublePrecisionComputationSays() {
        // given: tanh(W [z, E[y]] + b), latent 3, embedding 4 x 2, dense 4
        GeneratorSpec spec = GeneratorSpec.builder().latentDim(3).conditioning(Conditioning.labelEmbedding(4, 2))
                .dense(4).reshape(1, 2, 2).tanh().build();
        NDManager manager = cpu.manager();
        Network network = Network.create(spec, manager);
        float[] z = {0.3f, -1.2f, 0.7f, 1.5f, 0.1f, -0.4f};
        int[] y = {3, 1};
        float[] w = param(network, "0.weight");
        float[] e = param(network, Network.LABEL_EMBEDDING);

        // when
        float[] out = network.forward(manager.create(z, new Shape(2, 3)), manager.create(new long[] {3, 1}), false)
                .toFloatArray();

        // then: the bias starts at 0
        assertThat(out).hasSize(8);
        for (int n = 0; n < 2; n++) {
            double[] in = {z[3 * n], z[3 * n + 1], z[3 * n + 2], e[2 * y[n]], e[2 * y[n] + 1]};
            for (int u = 0; u < 4; u++) {
                double sum = 0;
                for (int k = 0; k < 5; k++) {
                    sum += (double) w[5 * u + k] * in[k];
                }
                assertThat((double) out[4 * n + u]).as("image %d pixel %d", n, u).isCloseTo(Math.tanh(sum), within(1e-6));
            }
        }
    }

    @Test
    void projectionAddsTheInnerProductOfTheClassRowWithTheFeaturesEnteringTheLastDense() {
        // given: φ(x) = leakyRelu(W1 x + b1), logit = w3·φ + b3 + V[y]·φ
        DiscriminatorSpec spec = DiscriminatorSpec.builder().inputShape(1, 2, 2).conditional(3)
                .flatten().dense(3).leakyRelu(0.2f).dense(1).build();
        NDManager manager = cpu.manager();
        Network network = Network.create(spec, manager);
        float[] x = {0.5f, -0.25f, 1f, -1f, 0.2f, 0.9f, -0.6f, 0.3f};
        float[] w1 = param(network, "1.weight");
        float[] w3 = param(network, "3.weight");
        float[] v = param(network, Network.PROJECTION_EMBEDDING);
        NDArray images = manager.create(x, new Shape(2, 1, 2, 2));

        for (int label = 0; label < 3; label++) {
            // when
            float[] logits = network.forward(images, manager.create(new long[] {label, 2 - label}), false).toFloatArray();

            // then: both biases start at 0
            int[] y = {label, 2 - label};
            for (int n = 0; n < 2; n++) {
                double logit = 0;
                for (int f = 0; f < 3; f++) {
                    double h = 0;
                    for (int k = 0; k < 4; k++) {
                        h += (double) w1[4 * f + k] * x[4 * n + k];
                    }
                    double phi = h > 0 ? h : 0.2 * h;
                    logit += (w3[f] + (double) v[3 * y[n] + f]) * phi;
                }
                assertThat((double) logits[n]).as("label %d image %d", y[n], n).isCloseTo(logit, within(1e-6));
            }
        }
    }

    @Test
    void conditioningParametersComeLastWithDeterministicNamesAndShapes() {
        NDManager manager = cpu.manager();
        List<Param> g = Network.create(generator(), manager).params();
        List<Param> d = Network.create(discriminator(), manager).params();

        assertThat(g.get(g.size() - 1).name()).isEqualTo("label.embedding");
        assertThat(g.get(g.size() - 1).array().getShape()).isEqualTo(new Shape(3, 4));
        assertThat(g.get(g.size() - 1).trainable()).isTrue();
        assertThat(g.get(0).array().getShape()).as("the first dense takes z and the embedding").isEqualTo(new Shape(32, 12));
        assertThat(d.get(d.size() - 1).name()).isEqualTo("projection.embedding");
        assertThat(d.get(d.size() - 1).array().getShape()).isEqualTo(new Shape(3, 4 * 4 * 4));
        // the specs' counts hold the same parameters as the networks
        assertThat(trainable(g)).isEqualTo(generator().parameterCount());
        assertThat(trainable(d)).isEqualTo(discriminator().parameterCount());
    }

    @Test
    void aConditionalNetworkNeedsItsLabelsAndAnUnconditionalOneRefusesThem() {
        NDManager manager = cpu.manager();
        Network conditional = Network.create(generator(), manager);
        Network plain = Network.create(TinyGan.generator(), manager);

        assertThatThrownBy(() -> conditional.forward(manager.zeros(new Shape(2, 8)), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this network is labelEmbedding(classes=3, dim=4) and needs the labels");
        assertThatThrownBy(() -> plain.forward(manager.zeros(new Shape(2, 8)), manager.create(new long[] {0, 1}), false))
                .hasMessage("this network is unconditional and takes no labels");
    }

    @Test
    void eachBatchCarriesTheLabelsOfItsImages() {
        // given: image i's pixels all equal label i / 10, labels 0..4 in a scrambled order
        int count = 20;
        float[] pixels = new float[count * 4];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (i * 7) % 5;
            Arrays.fill(pixels, 4 * i, 4 * i + 4, labels[i] / 10f);
        }
        InMemoryImageDataset data = InMemoryImageDataset.of(pixels, TensorShape.of(1, 2, 2), labels);
        NDManager manager = cpu.manager();
        try (DeviceDataset device = new DeviceDataset(data, manager, 3, true)) {
            for (int step = 0; step < 7; step++) { // passes end, and reshuffle, inside these steps
                try (NDManager scope = manager.newSubManager()) {
                    // when
                    DeviceDataset.Batch batch = device.next(6, scope);

                    // then
                    float[] images = batch.images().toFloatArray();
                    long[] batchLabels = batch.labels().toLongArray();
                    assertThat(batchLabels).hasSize(6);
                    for (int i = 0; i < 6; i++) {
                        assertThat(Math.round(images[4 * i] * 10)).as("step %d image %d", step, i)
                                .isEqualTo((int) batchLabels[i]);
                    }
                }
            }
        }
    }

    @Test
    void discriminatorUpdateChangesEveryDiscriminatorParameterProjectionIncludedAndNoGenerator() {
        Fixture f = new Fixture(cpu.manager());
        List<float[]> generatorBefore = AdversarialStepTest.snapshot(f.generator);
        List<float[]> discriminatorBefore = AdversarialStepTest.snapshot(f.discriminator);

        try (NDManager scope = f.manager.newSubManager();
                GradientCollector collector = f.engine.newGradientCollector()) {
            f.step.discriminatorUpdate(scope, collector, false);
        }

        assertThat(AdversarialStepTest.snapshot(f.generator)).usingRecursiveComparison().isEqualTo(generatorBefore);
        assertEveryOneChanged(f.discriminator, discriminatorBefore);
    }

    @Test
    void generatorUpdateChangesEveryGeneratorParameterEmbeddingIncludedAndNoDiscriminator() {
        Fixture f = new Fixture(cpu.manager());
        try (NDManager scope = f.manager.newSubManager();
                GradientCollector collector = f.engine.newGradientCollector()) {
            AdversarialStep.Fake fake = f.step.discriminatorUpdate(scope, collector, false);
            List<float[]> generatorBefore = AdversarialStepTest.snapshot(f.generator);
            List<float[]> discriminatorBefore = AdversarialStepTest.snapshot(f.discriminator);

            f.step.generatorUpdate(fake, collector, false);

            assertThat(AdversarialStepTest.snapshot(f.discriminator)).usingRecursiveComparison()
                    .isEqualTo(discriminatorBefore);
            assertEveryOneChanged(f.generator, generatorBefore);
            // the fakes' labels are one of the 3 classes, one per fake, as drawn for this step
            long[] labels = fake.fakeLabels().toLongArray();
            assertThat(labels).hasSize(8);
            assertThat(Arrays.stream(labels).allMatch(l -> l >= 0 && l < 3)).isTrue();
            assertThat(fake.realLabels().toLongArray()).hasSize(8);
        }
    }

    @Test
    void stepsOfAConditionalRunLeaveNoArraysBehind() {
        cpu.assertStepsLeaveNoArraysBehind(new Fixture(cpu.manager()).step);
    }

    @Test
    void imageIAnswersLabelI() {
        // given: a generator whose image is tanh of the label's embedding row, whatever z: the dense
        // weight is 0 on z's two columns and the identity on the embedding's four
        GeneratorSpec spec = GeneratorSpec.builder().latentDim(2).conditioning(Conditioning.labelEmbedding(3, 4))
                .dense(4, false).reshape(1, 2, 2).tanh().build();
        NDManager manager = cpu.manager();
        float[] w = new float[4 * 6];
        for (int u = 0; u < 4; u++) {
            w[6 * u + 2 + u] = 1f;
        }
        float[] e = new float[3 * 4];
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < 4; k++) {
                e[4 * c + k] = 0.3f * c - 0.1f * k;
            }
        }
        List<Param> params = List.of(new Param("0.weight", manager.create(w, new Shape(4, 6)), true),
                new Param(Network.LABEL_EMBEDDING, manager.create(e, new Shape(3, 4)), true));
        DjlGenerator generator = new DjlGenerator(spec,
                Network.withParams(spec.stack(), spec.conditioning(), params), manager);
        int[] labels = {2, 0, 1, 2, 1};

        // when
        ImageBatch images = generator.generate(labels, 5);

        // then
        for (int i = 0; i < labels.length; i++) {
            for (int k = 0; k < 4; k++) {
                assertThat((double) images.pixels()[4 * i + k]).as("image %d pixel %d", i, k)
                        .isCloseTo(Math.tanh(e[4 * labels[i] + k]), within(1e-6));
            }
        }
        // and generate(n, seed) draws the balanced labels 0, 1, 2, 0, ...
        assertThat(generator.generate(4, 9).pixels()).containsExactly(generator.generate(new int[] {0, 1, 2, 0}, 9).pixels());
    }

    @Test
    void anUnconditionalGeneratorRefusesLabelsAndLabelsOutOfRangeAreNamed() {
        NDManager manager = cpu.manager();
        DjlGenerator plain = new DjlGenerator(TinyGan.generator(), Network.create(TinyGan.generator(), manager), manager);
        DjlGenerator conditional = new DjlGenerator(generator(), Network.create(generator(), manager), manager);

        assertThatThrownBy(() -> plain.generate(new int[] {1}, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("this generator is unconditional: it takes no labels;");
        assertThatThrownBy(() -> conditional.generate(new int[] {0, 1, 3}, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("labels[2] is 3; this generator draws classes 0 to 2");
        assertThatThrownBy(() -> conditional.generate(new float[16], new int[] {0}))
                .hasMessage("latents hold 2 vectors but labels 1; give one label per latent vector");
    }

    /** A conditional AdversarialStep on the tiny networks, batch 8. */
    private static final class Fixture {
        final NDManager manager;
        final Engine engine = DjlEngine.get();
        final Network generator;
        final Network discriminator;
        final AdversarialStep step;

        Fixture(NDManager manager) {
            this.manager = manager;
            engine.setRandomSeed(7);
            GanConfig config = GanTrainer.builder().generator(generator()).discriminator(discriminator())
                    .batchSize(8).seed(7).config();
            generator = Network.create(config.generator(), manager);
            discriminator = Network.create(config.discriminator(), manager);
            // closed with the test's manager
            DeviceDataset data = new DeviceDataset(data(32, 1), manager, 1, true);
            step = new AdversarialStep(engine, config, generator, discriminator, data, manager);
        }
    }

    private static void assertEveryOneChanged(Network network, List<float[]> before) {
        List<float[]> after = AdversarialStepTest.snapshot(network);
        List<String> names = new ArrayList<>();
        for (Param p : network.params()) {
            if (p.trainable()) {
                names.add(p.name());
            }
        }
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i)).as(names.get(i)).isNotEqualTo(before.get(i));
        }
    }

    private static float[] param(Network network, String name) {
        return network.params().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow()
                .array().toFloatArray();
    }

    private static long trainable(List<Param> params) {
        return params.stream().filter(Param::trainable).mapToLong(p -> p.array().getShape().size()).sum();
    }
}
