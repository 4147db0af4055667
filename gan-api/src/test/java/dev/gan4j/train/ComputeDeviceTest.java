package dev.gan4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ComputeDeviceTest {

    @Test
    void namesEachDevice() {
        assertThat(ComputeDevice.auto()).hasToString("auto");
        assertThat(ComputeDevice.cpu()).hasToString("cpu");
        assertThat(ComputeDevice.gpu(0)).hasToString("gpu(0)");
        assertThat(ComputeDevice.gpu(3)).hasToString("gpu(3)");
    }

    @Test
    void equalsByKindAndIndex() {
        assertThat(ComputeDevice.cpu()).isEqualTo(ComputeDevice.cpu()).isNotEqualTo(ComputeDevice.auto());
        assertThat(ComputeDevice.gpu(1)).isEqualTo(ComputeDevice.gpu(1)).isNotEqualTo(ComputeDevice.gpu(0));
        assertThat(((ComputeDevice.Gpu) ComputeDevice.gpu(2)).index()).isEqualTo(2);
    }

    @Test
    void rejectsNegativeGpuIndex() {
        assertThatThrownBy(() -> ComputeDevice.gpu(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gpu index must be >= 0, got -1");
    }
}
