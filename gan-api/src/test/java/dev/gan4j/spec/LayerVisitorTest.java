package dev.gan4j.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Layer#accept} reaches the visitor's method for the layer's own kind, and there is one per kind. */
class LayerVisitorTest {

    /** Names the method it was called through. */
    private static final Layer.Visitor<String> METHOD_NAME = new Layer.Visitor<>() {
        @Override
        public String visitDense(Layer.Dense layer) {
            return "visitDense";
        }

        @Override
        public String visitReshape(Layer.Reshape layer) {
            return "visitReshape";
        }

        @Override
        public String visitFlatten(Layer.Flatten layer) {
            return "visitFlatten";
        }

        @Override
        public String visitBatchNorm(Layer.BatchNorm layer) {
            return "visitBatchNorm";
        }

        @Override
        public String visitLeakyRelu(Layer.LeakyRelu layer) {
            return "visitLeakyRelu";
        }

        @Override
        public String visitRelu(Layer.Relu layer) {
            return "visitRelu";
        }

        @Override
        public String visitTanh(Layer.Tanh layer) {
            return "visitTanh";
        }

        @Override
        public String visitSigmoid(Layer.Sigmoid layer) {
            return "visitSigmoid";
        }

        @Override
        public String visitConv(Layer.Conv layer) {
            return "visitConv";
        }

        @Override
        public String visitConvTranspose(Layer.ConvTranspose layer) {
            return "visitConvTranspose";
        }

        @Override
        public String visitUpsample(Layer.Upsample layer) {
            return "visitUpsample";
        }

        @Override
        public String visitDropout(Layer.Dropout layer) {
            return "visitDropout";
        }
    };

    private static final List<Layer> ONE_OF_EACH_KIND = List.of(
            new Layer.Dense(8, true),
            new Layer.Reshape(TensorShape.of(2, 2, 2)),
            new Layer.Flatten(),
            new Layer.BatchNorm(0.99f, 0.001f),
            new Layer.LeakyRelu(0.2f),
            new Layer.Relu(),
            new Layer.Tanh(),
            new Layer.Sigmoid(),
            new Layer.Conv(4, 3, 1, Padding.same(), true),
            new Layer.ConvTranspose(4, 3, 2, Padding.of(1), 1, true),
            new Layer.Upsample(2),
            new Layer.Dropout(0.5f));

    @Test
    void everyLayerCallsTheVisitMethodOfItsOwnKind() {
        for (Layer layer : ONE_OF_EACH_KIND) {
            assertThat(layer.accept(METHOD_NAME))
                    .as(layer.toString())
                    .isEqualTo("visit" + layer.getClass().getSimpleName());
        }
    }

    @Test
    void theVisitorHasOneMethodPerPermittedLayerKind() {
        Class<?>[] kinds = Layer.class.getPermittedSubclasses();
        List<Method> visitMethods = Arrays.stream(Layer.Visitor.class.getDeclaredMethods())
                .filter(m -> !m.isSynthetic())
                .toList();

        assertThat(visitMethods).hasSameSizeAs(kinds);
        for (Class<?> kind : kinds) {
            assertThatCode(() -> Layer.Visitor.class.getMethod("visit" + kind.getSimpleName(), kind))
                    .as(kind.getSimpleName())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void theLayersDispatchedAboveCoverEveryPermittedKind() {
        assertThat(ONE_OF_EACH_KIND)
                .extracting(Object::getClass)
                .containsExactlyInAnyOrder(Layer.class.getPermittedSubclasses());
    }
}
