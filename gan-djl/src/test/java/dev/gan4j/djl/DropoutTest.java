package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both forms of dropout (the CPU's uniform mask and torch's fused one) against its definition. */
class DropoutTest {

    private static final int N = 1 << 20;

    private Engine engine;
    private NDManager manager;

    @BeforeEach
    void setUp() {
        engine = DjlEngine.get();
        manager = NDManager.newBaseManager(Device.cpu(), engine.getEngineName());
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    static Stream<Arguments> forms() {
        BiFunction<NDArray, Float, NDArray> uniformMask = Dropout::uniformMask;
        BiFunction<NDArray, Float, NDArray> fused = Dropout::fused;
        return Stream.of(0.3f, 0.5f, 0.05f, 0.9f).flatMap(rate -> Stream.of(
                Arguments.of("uniform mask", uniformMask, rate), Arguments.of("fused", fused, rate)));
    }

    @ParameterizedTest(name = "{0}, rate {2}")
    @MethodSource("forms")
    void zeroesElementsAtTheRateAndScalesTheRestByTheInverseKeepProbability(
            String name, BiFunction<NDArray, Float, NDArray> dropout, float rate) {
        // given: positive inputs, so a kept element is never 0
        NDArray x = manager.randomUniform(1f, 2f, new Shape(N));

        // when
        engine.setRandomSeed(7);
        float[] ratio = dropout.apply(x, rate).div(x).toFloatArray();

        // then: every ratio is 0 or 1 / (1 - rate), and the kept share is 1 - rate within 5 standard errors
        float scale = 1f / (1f - rate);
        int kept = 0;
        for (float r : ratio) {
            if (r != 0f) {
                assertThat(r).isCloseTo(scale, within(scale * 1e-6f));
                kept++;
            }
        }
        double keep = 1.0 - rate;
        double standardError = Math.sqrt(keep * (1 - keep) / N);
        assertThat((double) kept / N).isCloseTo(keep, within(5 * standardError));
    }

    @ParameterizedTest(name = "{0}, rate {2}")
    @MethodSource("forms")
    void neighbouringElementsAreDroppedIndependently(String name, BiFunction<NDArray, Float, NDArray> dropout, float rate) {
        // given
        NDArray ones = manager.ones(new Shape(N));

        // when
        engine.setRandomSeed(8);
        float[] m = dropout.apply(ones, rate).toFloatArray();

        // then: the correlation of each element's mask with its neighbour's is 0 within 5 standard errors
        double mean = 0;
        for (float v : m) {
            mean += v;
        }
        mean /= N;
        double cov = 0;
        double var = 0;
        for (int i = 0; i + 1 < N; i++) {
            cov += (m[i] - mean) * (m[i + 1] - mean);
            var += (m[i] - mean) * (m[i] - mean);
        }
        assertThat(cov / var).isCloseTo(0.0, within(5 / Math.sqrt(N)));
    }

    @ParameterizedTest(name = "{0}, rate {2}")
    @MethodSource("forms")
    void gradientIsTheScaledMask(String name, BiFunction<NDArray, Float, NDArray> dropout, float rate) {
        // given
        NDArray x = manager.randomUniform(1f, 2f, new Shape(4096));
        x.setRequiresGradient(true);

        // when
        float[] ratio;
        float[] grad;
        boolean was = GradMode.set(true);
        try (NDManager step = manager.newSubManager(); GradientCollector collector = engine.newGradientCollector()) {
            NDArray y = dropout.apply(x, rate);
            ratio = y.div(x).toFloatArray();
            collector.backward(y.sum());
            grad = x.getGradient().toFloatArray();
            step.tempAttachAll(y);
        } finally {
            GradMode.set(was);
        }

        // then: d sum(y) / dx is exactly each element's factor
        assertThat(grad).containsExactly(ratio, within(1e-5f));
    }

    @Test
    void theSameTorchSeedDrawsTheSameMask() {
        NDArray ones = manager.ones(new Shape(10_000));

        engine.setRandomSeed(11);
        float[] first = Dropout.uniformMask(ones, 0.3f).toFloatArray();
        engine.setRandomSeed(11);
        float[] again = Dropout.uniformMask(ones, 0.3f).toFloatArray();
        float[] next = Dropout.uniformMask(ones, 0.3f).toFloatArray();

        assertThat(again).containsExactly(first);
        assertThat(next).isNotEqualTo(first);
    }

    @Test
    void rateZeroReturnsTheInputItself() {
        NDArray x = manager.ones(new Shape(8));

        assertThat(Dropout.apply(x, 0f)).isSameAs(x);
    }
}
