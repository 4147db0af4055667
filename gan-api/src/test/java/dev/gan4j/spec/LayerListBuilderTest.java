package dev.gan4j.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Each method of the fluent vocabulary rejects an impossible setting at once, naming it. */
class LayerListBuilderTest {

    private static GeneratorSpec.Builder g() {
        return GeneratorSpec.builder();
    }

    @Test
    void appendsTheLayersInOrderWithKerasDefaults() {
        GeneratorSpec spec = g().latentDim(4)
                .dense(8).dense(16, false).reshape(1, 4, 4).batchNorm().batchNorm(0.9f, 1e-5f)
                .leakyRelu(0.1f).relu().dropout(0.5f).upsample(2)
                .conv(2, 3, 1, Padding.same()).conv(2, 3, 1, Padding.of(1), false)
                .convTranspose(2, 4, 2, Padding.same()).convTranspose(1, 3, 2, Padding.of(1), 1, false)
                .sigmoid().tanh().flatten().reshape(1, 32, 32)
                .build();

        assertThat(spec.layers()).containsExactly(
                new Layer.Dense(8, true),
                new Layer.Dense(16, false),
                new Layer.Reshape(TensorShape.of(1, 4, 4)),
                new Layer.BatchNorm(0.99f, 0.001f),
                new Layer.BatchNorm(0.9f, 1e-5f),
                new Layer.LeakyRelu(0.1f),
                new Layer.Relu(),
                new Layer.Dropout(0.5f),
                new Layer.Upsample(2),
                new Layer.Conv(2, 3, 1, Padding.same(), true),
                new Layer.Conv(2, 3, 1, Padding.of(1), false),
                new Layer.ConvTranspose(2, 4, 2, Padding.same(), 0, true),
                new Layer.ConvTranspose(1, 3, 2, Padding.of(1), 1, false),
                new Layer.Sigmoid(),
                new Layer.Tanh(),
                new Layer.Flatten(),
                new Layer.Reshape(TensorShape.of(1, 32, 32)));
        assertThat(LayerListBuilder.DEFAULT_BN_MOMENTUM).isEqualTo(0.99f);
        assertThat(LayerListBuilder.DEFAULT_BN_EPSILON).isEqualTo(0.001f);
    }

    @Test
    void rejectsNullLayer() {
        assertThatThrownBy(() -> g().layer(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer must not be null");
    }

    @Test
    void rejectsDenseWithoutUnits() {
        assertThatThrownBy(() -> g().dense(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("units must be >= 1, got 0");
        assertThatThrownBy(() -> g().dense(-5, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("units must be >= 1, got -5");
    }

    @Test
    void rejectsReshapeToAnEmptyDimension() {
        assertThatThrownBy(() -> g().reshape(128, 0, 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape [128, 0, 7] has dimension 0; every dimension must be >= 1");
    }

    @Test
    void rejectsConvFiltersKernelStrideAndPadding() {
        assertThatThrownBy(() -> g().conv(0, 3, 1, Padding.same()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conv filters must be >= 1, got 0");
        assertThatThrownBy(() -> g().conv(8, -1, 1, Padding.same()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conv kernel must be >= 1, got -1");
        assertThatThrownBy(() -> g().conv(8, 3, 0, Padding.same()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conv stride must be >= 1, got 0");
        assertThatThrownBy(() -> g().conv(8, 3, 1, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conv padding must not be null");
        assertThatThrownBy(() -> g().conv(8, 3, 1, Padding.of(-2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("padding must be >= 0, got -2");
    }

    @Test
    void rejectsConvTransposeFiltersKernelStrideAndPadding() {
        assertThatThrownBy(() -> g().convTranspose(-1, 3, 2, Padding.same()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("convTranspose filters must be >= 1, got -1");
        assertThatThrownBy(() -> g().convTranspose(8, 0, 2, Padding.same()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("convTranspose kernel must be >= 1, got 0");
        assertThatThrownBy(() -> g().convTranspose(8, 3, 0, Padding.same()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("convTranspose stride must be >= 1, got 0");
        assertThatThrownBy(() -> g().convTranspose(8, 3, 2, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("convTranspose padding must not be null");
    }

    @Test
    void rejectsOutputPaddingOutsideZeroToStride() {
        assertThatThrownBy(() -> g().convTranspose(8, 3, 2, Padding.of(1), 2, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("convTranspose outputPadding must be in [0, stride) = [0, 2), got 2");
        assertThatThrownBy(() -> g().convTranspose(8, 3, 2, Padding.of(1), -1, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("convTranspose outputPadding must be in [0, stride) = [0, 2), got -1");
    }

    @Test
    void rejectsSameConvTransposeWithKernelSmallerThanStride() {
        assertThatThrownBy(() -> g().convTranspose(8, 1, 2, Padding.same()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("padding same needs kernel >= stride for a transposed convolution, got kernel 1"
                        + " and stride 2; use Padding.of(p) with an outputPadding instead");
    }

    @Test
    void rejectsSameConvTransposeWithOutputPadding() {
        assertThatThrownBy(() -> g().convTranspose(8, 4, 2, Padding.same(), 1, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("padding same fixes the output at in * stride, so outputPadding must be 0, got 1;"
                        + " use Padding.of(p) to combine them");
    }

    @Test
    void rejectsUpsampleFactorBelowOne() {
        assertThatThrownBy(() -> g().upsample(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("upsample factor must be >= 1, got 0");
    }

    @Test
    void rejectsDropoutRateOfOneOrBelowZero() {
        assertThatThrownBy(() -> g().dropout(1.0f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dropout rate must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> g().dropout(-0.1f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dropout rate must be in [0, 1), got -0.1");
        assertThatThrownBy(() -> g().dropout(Float.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dropout rate must be in [0, 1), got NaN");
    }

    @Test
    void rejectsLeakyReluAlphaOutsideZeroToOne() {
        assertThatThrownBy(() -> g().leakyRelu(1.5f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("leakyRelu alpha must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> g().leakyRelu(-0.2f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("leakyRelu alpha must be in [0, 1], got -0.2");
    }

    @Test
    void acceptsLeakyReluAlphaAtBothEnds() {
        assertThat(new Layer.LeakyRelu(0f).alpha()).isZero();
        assertThat(new Layer.LeakyRelu(1f).alpha()).isEqualTo(1f);
    }

    @Test
    void rejectsBatchNormMomentumOfOneOrBelowZero() {
        assertThatThrownBy(() -> g().batchNorm(1f, 0.001f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchNorm momentum must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> g().batchNorm(-0.5f, 0.001f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchNorm momentum must be in [0, 1), got -0.5");
    }

    @Test
    void rejectsBatchNormEpsilonThatIsZeroNegativeOrInfinite() {
        assertThatThrownBy(() -> g().batchNorm(0.99f, 0f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchNorm epsilon must be > 0 and finite, got 0.0");
        assertThatThrownBy(() -> g().batchNorm(0.99f, -1e-3f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchNorm epsilon must be > 0 and finite, got -0.001");
        assertThatThrownBy(() -> g().batchNorm(0.99f, Float.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchNorm epsilon must be > 0 and finite, got Infinity");
    }
}
