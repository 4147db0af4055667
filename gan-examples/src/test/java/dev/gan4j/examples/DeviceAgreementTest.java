package dev.gan4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.gan4j.data.ImageDataset;
import dev.gan4j.data.Mnist;
import dev.gan4j.train.ComputeDevice;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeviceAgreementTest {

    private static final ImageDataset DIGITS = Mnist.bundledTrainingSet().subset(0, 512);

    /** Two CPU runs of the same short seeded check run. */
    private static DeviceCheck.Run first;
    private static DeviceCheck.Run second;

    @BeforeAll
    static void trainTwice() {
        DeviceCheck.Options options = DeviceCheck.Options.parse(new String[] {"--steps", "6", "--seed", "3"});
        first = DeviceCheck.Run.train(ComputeDevice.cpu(), options, DIGITS);
        second = DeviceCheck.Run.train(ComputeDevice.cpu(), options, DIGITS);
    }

    @AfterAll
    static void close() {
        first.close();
        second.close();
    }

    @Test
    void twoIdenticalCpuRunsAgreeExactly() {
        List<DeviceAgreement.Figure> losses = DeviceAgreement.compareLosses("cpu", first.losses, second.losses);
        List<DeviceAgreement.Figure> images = DeviceAgreement.compareImages(
                first.gan.generate(16, 7).pixels(), second.gan.generate(16, 7).pixels());

        assertThat(losses).extracting(DeviceAgreement.Figure::name)
                .containsExactly("mean D loss, steps 3-6", "mean G loss, steps 3-6");
        assertThat(losses).extracting(DeviceAgreement.Figure::difference).containsOnly(0.0);
        assertThat(images).extracting(DeviceAgreement.Figure::difference).containsOnly(0.0);
        assertThat(DeviceAgreement.passed(losses)).isTrue();
        assertThat(DeviceAgreement.passed(images)).isTrue();
    }

    @Test
    void lossesBeyondTheToleranceFail() {
        DeviceAgreement.Losses cpu = first.losses;
        // The discriminator's losses 25% higher on the "device", the generator's as on the CPU.
        DeviceAgreement.Losses device = new DeviceAgreement.Losses(scaled(cpu.discriminator(), 1.25),
                cpu.generator());

        List<DeviceAgreement.Figure> figures = DeviceAgreement.compareLosses("gpu(0)", device, cpu);

        assertThat(figures.get(0).difference()).isCloseTo(0.25, offset(1e-9));
        assertThat(figures.get(0).passed()).isFalse();
        assertThat(figures.get(1).passed()).isTrue();
        assertThat(DeviceAgreement.passed(figures)).isFalse();
        assertThat(figures.get(0).describe()).endsWith("tolerance 20%    FAIL");
    }

    @Test
    void lossesWithinTheToleranceOnlyInTheFirstThirdPass() {
        DeviceAgreement.Losses cpu = first.losses;
        double[] d = cpu.discriminator();
        // Steps 1 and 2 (the first third of 6) are left out of the comparison.
        d[0] *= 10;
        d[1] *= 10;

        List<DeviceAgreement.Figure> figures = DeviceAgreement.compareLosses(
                "gpu(0)", new DeviceAgreement.Losses(d, cpu.generator()), cpu);

        assertThat(DeviceAgreement.passed(figures)).isTrue();
    }

    @Test
    void aNanLossFails() {
        DeviceAgreement.Losses cpu = first.losses;
        double[] g = cpu.generator();
        g[5] = Double.NaN;

        List<DeviceAgreement.Figure> figures = DeviceAgreement.compareLosses(
                "gpu(0)", new DeviceAgreement.Losses(cpu.discriminator(), g), cpu);

        assertThat(figures.get(1).passed()).isFalse();
    }

    @Test
    void onePixelBeyondTheMaximumFails() {
        float[] cpu = first.gan.generate(16, 7).pixels();
        float[] device = cpu.clone();
        device[100] += 0.03f;

        List<DeviceAgreement.Figure> figures = DeviceAgreement.compareImages(device, cpu);

        assertThat(figures.get(0).name()).isEqualTo("max |pixel difference|");
        assertThat(figures.get(0).passed()).isFalse();
        assertThat(figures.get(1).passed()).isTrue();
    }

    @Test
    void smallDifferencesEverywhereFailTheMean() {
        float[] cpu = first.gan.generate(16, 7).pixels();
        float[] device = cpu.clone();
        for (int i = 0; i < device.length; i++) {
            device[i] += 0.005f;
        }

        List<DeviceAgreement.Figure> figures = DeviceAgreement.compareImages(device, cpu);

        assertThat(figures.get(0).passed()).isTrue();
        assertThat(figures.get(1).name()).isEqualTo("mean |pixel difference|");
        assertThat(figures.get(1).passed()).isFalse();
    }

    @Test
    void aNanPixelFails() {
        float[] cpu = first.gan.generate(4, 7).pixels();
        float[] device = cpu.clone();
        device[0] = Float.NaN;

        assertThat(DeviceAgreement.passed(DeviceAgreement.compareImages(device, cpu))).isFalse();
    }

    @Test
    void aDifferenceAtTheToleranceStillPasses() {
        DeviceAgreement.Figure atTolerance = new DeviceAgreement.Figure("x", "", 0.2, 0.2, true);

        assertThat(atTolerance.passed()).isTrue();
    }

    @Test
    void runsOfDifferentLengthsAreRejected() {
        DeviceAgreement.Losses six = first.losses;
        DeviceAgreement.Losses one = new DeviceAgreement.Losses(new double[] {1}, new double[] {1});

        assertThatThrownBy(() -> DeviceAgreement.compareLosses("gpu(0)", one, six))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("runs of 1 and 6 steps cannot be compared");
        assertThatThrownBy(() -> DeviceAgreement.compareImages(new float[3], new float[4]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("images of 3 and 4 pixels cannot be compared");
        assertThatThrownBy(() -> new DeviceAgreement.Losses(new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("losses of 2 and 3 steps; both must cover the same steps, at least one");
    }

    @Test
    void theWindowStartsAfterTheFirstThird() {
        assertThat(DeviceAgreement.firstComparedStep(60)).isEqualTo(21);
        assertThat(DeviceAgreement.firstComparedStep(6)).isEqualTo(3);
        assertThat(DeviceAgreement.firstComparedStep(1)).isEqualTo(1);
    }

    private static double[] scaled(double[] values, double factor) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= factor;
        }
        return out;
    }
}
