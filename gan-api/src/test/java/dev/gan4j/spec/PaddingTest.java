package dev.gan4j.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PaddingTest {

    @Test
    void sameConvPutsTheOddPixelAfterAsTensorFlowDoes() {
        // 28 -> ceil(28 / 2) = 14; total = (14 - 1) * 2 + 5 - 28 = 3, split 1 before and 2 after.
        Padding.Resolved p = Padding.same().forConv(28, 5, 2);

        assertThat(p).isEqualTo(new Padding.Resolved(1, 2));
        assertThat(p.total()).isEqualTo(3);
        assertThat(p.symmetric()).isFalse();
    }

    @Test
    void sameConvWithStrideOneKeepsTheSizeWithSymmetricPaddingForOddKernels() {
        // total = (28 - 1) * 1 + 5 - 28 = 4.
        assertThat(Padding.same().forConv(28, 5, 1)).isEqualTo(new Padding.Resolved(2, 2));
        assertThat(Padding.same().forConv(28, 5, 1).symmetric()).isTrue();
    }

    @Test
    void sameConvOnOddInputs() {
        // 7 -> ceil(7 / 2) = 4; k3: total = 3 * 2 + 3 - 7 = 2; k4: total = 3 * 2 + 4 - 7 = 3.
        assertThat(Padding.same().forConv(7, 3, 2)).isEqualTo(new Padding.Resolved(1, 1));
        assertThat(Padding.same().forConv(7, 4, 2)).isEqualTo(new Padding.Resolved(1, 2));
    }

    @Test
    void sameConvNeverPadsNegatively() {
        // k1 s2 on 28: (14 - 1) * 2 + 1 - 28 = -1, clamped to 0.
        assertThat(Padding.same().forConv(28, 1, 2)).isEqualTo(new Padding.Resolved(0, 0));
    }

    @Test
    void sameConvTransposeCropsKernelMinusStride() {
        // The crop of a "same" transposed convolution is the padding of the "same" convolution
        // from in * stride to in: total = max(k - s, 0).
        assertThat(Padding.same().forConvTranspose(7, 3, 2, 0)).isEqualTo(new Padding.Resolved(0, 1));
        assertThat(Padding.same().forConvTranspose(7, 4, 2, 0)).isEqualTo(new Padding.Resolved(1, 1));
        assertThat(Padding.same().forConvTranspose(7, 5, 2, 0)).isEqualTo(new Padding.Resolved(1, 2));
        assertThat(Padding.same().forConvTranspose(7, 2, 2, 0)).isEqualTo(new Padding.Resolved(0, 0));
        assertThat(Padding.same().forConvTranspose(7, 5, 1, 0)).isEqualTo(new Padding.Resolved(2, 2));
    }

    @Test
    void sameConvTransposeRejectsKernelSmallerThanStride() {
        assertThatThrownBy(() -> Padding.same().forConvTranspose(7, 1, 2, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("padding same needs kernel >= stride for a transposed convolution, got kernel 1"
                        + " and stride 2; use Padding.of(p) with an outputPadding instead");
    }

    @Test
    void sameConvTransposeRejectsOutputPadding() {
        assertThatThrownBy(() -> Padding.same().forConvTranspose(7, 3, 2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("padding same fixes the output at in * stride, so outputPadding must be 0, got 1;"
                        + " use Padding.of(p) to combine them");
    }

    @Test
    void explicitPaddingIsTheSameOnBothSidesWhateverTheLayer() {
        Padding p = Padding.of(2);

        assertThat(p.forConv(28, 5, 2)).isEqualTo(new Padding.Resolved(2, 2));
        assertThat(p.forConvTranspose(7, 4, 2, 1)).isEqualTo(new Padding.Resolved(2, 2));
        assertThat(p).isEqualTo(new Padding.Explicit(2));
    }

    @Test
    void validIsExplicitZero() {
        assertThat(Padding.valid()).isEqualTo(Padding.of(0));
        assertThat(Padding.valid().forConv(28, 5, 1)).isEqualTo(new Padding.Resolved(0, 0));
    }

    @Test
    void describesItselfForSummaries() {
        assertThat(Padding.same().describe()).isEqualTo("same");
        assertThat(Padding.of(3).describe()).isEqualTo("3");
        assertThat(Padding.same()).hasToString("Padding.same()").isSameAs(Padding.same());
    }

    @Test
    void rejectsNegativeExplicitPadding() {
        assertThatThrownBy(() -> Padding.of(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("padding must be >= 0, got -1");
    }

    @Test
    void rejectsNegativeResolvedPadding() {
        assertThatThrownBy(() -> new Padding.Resolved(1, -2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("padding must be >= 0, got before=1, after=-2");
    }
}
