package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.gan4j.train.ComputeDevice;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevicesTest {

    private static final Engine ENGINE = DjlEngine.get();

    @Test
    void providerListsTheCpuThenEachGpuTheEngineSees() {
        List<ComputeDevice> expected = new ArrayList<>(List.of(ComputeDevice.cpu()));
        for (int i = 0; i < ENGINE.getGpuCount(); i++) {
            expected.add(ComputeDevice.gpu(i));
        }

        List<ComputeDevice> devices = new DjlGanTrainerProvider().devices();

        assertThat(devices).containsExactlyElementsOf(expected);
    }

    @Test
    void everyListedDeviceResolves() {
        for (ComputeDevice device : new DjlGanTrainerProvider().devices()) {
            assertThat(Devices.resolve(device, ENGINE).isGpu()).isEqualTo(device instanceof ComputeDevice.Gpu);
        }
        assertThat(Devices.resolve(ComputeDevice.cpu(), ENGINE)).isEqualTo(Device.cpu());
    }

    @Test
    void firstUnlistedGpuIsRefusedWithWhatTheEngineSees() {
        int gpus = ENGINE.getGpuCount();

        assertThatThrownBy(() -> Devices.resolve(ComputeDevice.gpu(gpus), ENGINE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("device gpu(" + gpus + ") asked for, but the engine sees " + gpus + " GPU(s)"
                        + (gpus == 0 ? "; use ComputeDevice.cpu() or add the CUDA natives" : "; use gpu(0).." + (gpus - 1)));
    }
}
