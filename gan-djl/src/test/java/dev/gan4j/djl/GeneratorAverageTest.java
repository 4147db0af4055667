package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GeneratorAverageTest {

    @RegisterExtension
    final CpuArrays cpu = new CpuArrays();

    private NDManager manager;
    private Network live;

    @BeforeEach
    void setUp() {
        DjlEngine.get().setRandomSeed(9);
        manager = cpu.manager();
        live = Network.create(TinyGan.generator().stack(), manager);
    }


    @Test
    void firstUpdateUsesTheWarmedUpDecay() {
        // given: an average of the initial weights, then weights that all become 1
        GeneratorAverage average = new GeneratorAverage(live, manager, 0.999);
        float[] initial = live.params().get(0).array().toFloatArray();
        live.params().get(0).array().muli(0).addi(1);

        // when
        average.update();

        // then: d = min(0.999, (1 + 1) / (10 + 1)) = 2/11, so avg = 2/11 * initial + 9/11 * 1
        float[] averaged = average.synced().params().get(0).array().toFloatArray();
        for (int i = 0; i < initial.length; i++) {
            assertThat(averaged[i]).isCloseTo(2f / 11 * initial[i] + 9f / 11, within(1e-6f));
        }
    }

    @Test
    void averageTakesBatchNormStatisticsFromTheLiveGenerator() {
        GeneratorAverage average = new GeneratorAverage(live, manager, 0.99);
        Param runningMean = live.params().stream()
                .filter(p -> p.name().endsWith("runningMean")).findFirst().orElseThrow();
        runningMean.array().addi(3);

        Network synced = average.synced();

        Param copied = synced.params().stream()
                .filter(p -> p.name().equals(runningMean.name())).findFirst().orElseThrow();
        assertThat(copied.array().toFloatArray()).containsExactly(runningMean.array().toFloatArray());
    }

    @Test
    void averageLeavesTheLiveWeightsAlone() {
        float[] before = live.params().get(0).array().toFloatArray();
        GeneratorAverage average = new GeneratorAverage(live, manager, 0.9);

        average.update();
        average.update();

        assertThat(live.params().get(0).array().toFloatArray()).containsExactly(before);
    }
}
