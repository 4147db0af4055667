package dev.gan4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.gan4j.spi.Engines;
import dev.gan4j.train.ComputeDevice;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class DeviceCheckTest {

    /** What a run printed and returned. */
    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = DeviceCheck.run(args, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutAGpuItSaysWhatItLookedForAndExitsWithTwo() {
        List<ComputeDevice> offered = Engines.provider().devices();
        assumeThat(offered).as("a machine without a GPU").doesNotContain(ComputeDevice.gpu(0));

        Result r = run();

        assertThat(r.code()).isEqualTo(DeviceCheck.NO_DEVICE).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(DeviceCheck.notVisible(ComputeDevice.gpu(0), "djl", offered,
                DeviceCheck.nativesOnClassPath(), System.getenv()) + System.lineSeparator());
        assertThat(r.err()).startsWith("DeviceCheck: no GPU visible: looked for gpu(0) through the djl engine,"
                + " which offers only cpu.");
    }

    @Test
    void theMessageNamesTheCpuNativesAndTheWayAround() {
        Properties cpuNatives = new Properties();
        cpuNatives.setProperty("flavor", "cpu");
        cpuNatives.setProperty("version", "2.7.1-20250812");

        String message = DeviceCheck.notVisible(ComputeDevice.gpu(0), "djl", List.of(ComputeDevice.cpu()), cpuNatives,
                Map.of());

        assertThat(message).isEqualTo(String.join("\n",
                "DeviceCheck: no GPU visible: looked for gpu(0) through the djl engine, which offers only cpu.",
                "  The class path holds PyTorch's CPU natives (pytorch-native-cpu, version 2.7.1-20250812, flavor"
                        + " cpu), which cannot use a GPU:",
                "  run with -Pgpu, which leaves them out and lets DJL download the CUDA build for this machine"
                        + " (README, \"Running on a GPU\").",
                "  Check that the NVIDIA driver sees the GPU (nvidia-smi); CUDA_VISIBLE_DEVICES is not set."));
    }

    @Test
    void theMessageNamesACudaBuildThatSeesNoGpuAndTheVisibleDevices() {
        Properties cudaNatives = new Properties();
        cudaNatives.setProperty("flavor", "cu128");
        cudaNatives.setProperty("version", "2.7.1");

        String message = DeviceCheck.notVisible(ComputeDevice.gpu(0), "djl", List.of(ComputeDevice.cpu()), cudaNatives,
                Map.of("CUDA_VISIBLE_DEVICES", ""));

        assertThat(message).isEqualTo(String.join("\n",
                "DeviceCheck: no GPU visible: looked for gpu(0) through the djl engine, which offers only cpu.",
                "  The class path holds PyTorch natives of flavor cu128 (version 2.7.1).",
                "  Check that the NVIDIA driver sees the GPU (nvidia-smi); CUDA_VISIBLE_DEVICES is \"\"."));
    }

    @Test
    @Tag("slow") // the whole program: two training runs and timed steps at three batch sizes
    void withTheCpuAsTheDeviceEveryPhaseRunsAndPasses() {
        Result r = run("--device", "cpu", "--steps", "6", "--batch", "8", "--warmup", "2", "--timed-steps", "2");

        assertThat(r.code()).as(r.err()).isEqualTo(DeviceCheck.PASSED);
        assertThat(r.out())
                .startsWith("DeviceCheck: cpu against the CPU; the djl engine offers cpu")
                .contains("1. the same seeded run on each: MNIST dcgan recipe, 9000 bundled digits, batch 32, 6 steps,"
                        + " seed 42")
                .contains("2. the same weights on each: the CPU run's generator, 64 images of seed 7")
                .contains("3. time per step on cpu: dcgan recipe, 2 warm-up steps left out, 2 timed")
                .contains("1, 1 in the 2 reports of 10 steps: 0.10 per step at logEvery 10")
                .endsWith("DeviceCheck: PASS: cpu agrees with the CPU within the tolerances" + System.lineSeparator());
        assertThat(r.out().lines().filter(l -> l.endsWith("PASS")).count()).isEqualTo(4);
        assertThat(r.out().lines().filter(l -> l.matches("\\s+8\\s+[0-9.]+\\s+[0-9.]+"))).hasSize(1);
    }

    @Test
    void badArgumentsExitWithThreeAndTheUsage() {
        Result r = run("--device", "tpu");

        assertThat(r.code()).isEqualTo(DeviceCheck.USAGE).isEqualTo(3);
        assertThat(r.err()).isEqualTo("DeviceCheck: --device must be gpu or cpu, got tpu" + System.lineSeparator()
                + DeviceCheck.Options.USAGE + System.lineSeparator());
        assertThat(run("--batch", "8,0").err()).startsWith("DeviceCheck: --batch must be >= 1, got 0");
        assertThat(run("--steps").err()).startsWith("DeviceCheck: --steps needs a value");
    }
}
