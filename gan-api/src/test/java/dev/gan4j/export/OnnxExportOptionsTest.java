package dev.gan4j.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.export.OnnxExportOptions.BatchNormExport;
import dev.gan4j.export.OnnxExportOptions.OutputRange;
import org.junit.jupiter.api.Test;

class OnnxExportOptionsTest {

    @Test
    void defaultsAreOpset17DynamicBatchTrainedRangeAndFoldedBatchNorm() {
        OnnxExportOptions options = OnnxExportOptions.defaults();

        assertThat(options.opset()).isEqualTo(17);
        assertThat(options.dynamicBatch()).isTrue();
        assertThat(options.fixedBatchSize()).isZero();
        assertThat(options.outputRange()).isEqualTo(OutputRange.TRAINED);
        assertThat(options.batchNorm()).isEqualTo(BatchNormExport.FOLD);
        assertThat(options).hasToString("OnnxExportOptions[opset 17, batch dynamic, output [-1, 1], batchNorm FOLD]");
    }

    @Test
    void acceptsEveryOpsetOfTheSupportedRange() {
        for (int opset = 13; opset <= 17; opset++) {
            assertThat(OnnxExportOptions.builder().opset(opset).build().opset()).isEqualTo(opset);
        }
    }

    @Test
    void rejectsOpsetsOutsideTheSupportedRange() {
        assertThatThrownBy(() -> OnnxExportOptions.builder().opset(12))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("opset must be in [13, 17], got 12");
        assertThatThrownBy(() -> OnnxExportOptions.builder().opset(18))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("opset must be in [13, 17], got 18");
    }

    @Test
    void rejectsANonPositiveFixedBatchSize() {
        assertThatThrownBy(() -> OnnxExportOptions.builder().fixedBatchSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fixedBatchSize must be >= 1, got 0");
    }

    @Test
    void dynamicBatchUndoesAFixedOne() {
        OnnxExportOptions options = OnnxExportOptions.builder().fixedBatchSize(8).dynamicBatch().build();

        assertThat(options.dynamicBatch()).isTrue();
        assertThat(options).isEqualTo(OnnxExportOptions.defaults());
    }

    @Test
    void outputRangesNameTheirIntervals() {
        assertThat(OutputRange.TRAINED.interval()).isEqualTo("[-1, 1]");
        assertThat(OutputRange.UNIT.interval()).isEqualTo("[0, 1]");
    }

    @Test
    void rejectsNullChoices() {
        assertThatThrownBy(() -> OnnxExportOptions.builder().outputRange(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("outputRange");
        assertThatThrownBy(() -> OnnxExportOptions.builder().batchNorm(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("batchNorm");
    }
}
