package dev.gan4j.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.gan4j.train.ComputeDevice;
import java.util.ArrayList;
import java.util.List;

/** Maps gan4j's device choice to DJL's. */
final class Devices {

    private Devices() {}

    /** The CPU, then each GPU the engine sees: the devices besides auto that {@link #resolve} accepts. */
    static List<ComputeDevice> available(Engine engine) {
        int gpus = engine.getGpuCount();
        List<ComputeDevice> devices = new ArrayList<>();
        devices.add(ComputeDevice.cpu());
        for (int i = 0; i < gpus; i++) {
            devices.add(ComputeDevice.gpu(i));
        }
        return List.copyOf(devices);
    }

    static Device resolve(ComputeDevice device, Engine engine) {
        if (device instanceof ComputeDevice.Cpu) {
            return Device.cpu();
        }
        if (device instanceof ComputeDevice.Gpu) {
            int index = ((ComputeDevice.Gpu) device).index();
            int gpus = engine.getGpuCount();
            if (index >= gpus) {
                throw new IllegalArgumentException(
                        "device " + device + " asked for, but the engine sees " + gpus + " GPU(s)"
                                + (gpus == 0 ? "; use ComputeDevice.cpu() or add the CUDA natives" : "; use gpu(0).." + (gpus - 1)));
            }
            return Device.gpu(index);
        }
        return engine.defaultDevice();
    }
}
