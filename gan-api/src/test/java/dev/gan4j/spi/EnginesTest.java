package dev.gan4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.data.ImageDataset;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.Provenance;
import dev.gan4j.train.TrainedGan;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnginesTest {

    private static final GanTrainerProvider DJL = new NamedProvider("djl");
    private static final GanTrainerProvider FAKE = new NamedProvider("fake");

    @Test
    void noEngineFoundNamesTheArtifactToAdd() {
        assertThatThrownBy(() -> Engines.choose(List.of(), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no gan4j engine on the class path: add the dependency dev.gan4j:gan-djl (and the"
                        + " PyTorch natives, e.g. ai.djl.pytorch:pytorch-native-cpu), see README");
    }

    @Test
    void noEngineFoundEvenWhenOneIsNamed() {
        assertThatThrownBy(() -> Engines.choose(List.of(), "djl"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no gan4j engine on the class path");
    }

    @Test
    void theOnlyEngineFoundIsChosen() {
        assertThat(Engines.choose(List.of(DJL), null)).isSameAs(DJL);
        assertThat(Engines.choose(List.of(DJL), "")).isSameAs(DJL);
        assertThat(Engines.choose(List.of(DJL), "  ")).isSameAs(DJL);
    }

    @Test
    void twoEnginesWithoutThePropertyFailLoudly() {
        assertThatThrownBy(() -> Engines.choose(List.of(DJL, FAKE), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("several gan4j engines on the class path (djl, fake); choose one with -Dgan4j.engine=NAME");
    }

    @Test
    void thePropertyChoosesAmongSeveralEngines() {
        assertThat(Engines.choose(List.of(DJL, FAKE), "fake")).isSameAs(FAKE);
        assertThat(Engines.choose(List.of(DJL, FAKE), "djl")).isSameAs(DJL);
    }

    @Test
    void thePropertyMustNameAnEngineThatIsThere() {
        assertThatThrownBy(() -> Engines.choose(List.of(DJL, FAKE), "onnx"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("-Dgan4j.engine=onnx names no engine on the class path; found: djl, fake");
        assertThatThrownBy(() -> Engines.choose(List.of(DJL), "DJL"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("-Dgan4j.engine=DJL names no engine on the class path; found: djl");
    }

    @Test
    void loadingAGeneratorWithoutAnEngineNamesTheMissingArtifact(@TempDir Path dir) {
        assertThatThrownBy(() -> TrainedGan.load(dir.resolve("model.gan4j")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no gan4j engine on the class path: add the dependency dev.gan4j:gan-djl");
    }

    @Test
    void anEngineThatCannotListItsDevicesSaysSo() {
        assertThatThrownBy(DJL::devices)
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("engine djl cannot list its devices");
    }

    @Test
    void thePropertyIsCalledGan4jEngine() {
        assertThat(Engines.ENGINE_PROPERTY).isEqualTo("gan4j.engine");
    }

    /** A provider that only has a name; it is never asked to train. */
    private static final class NamedProvider implements GanTrainerProvider {
        private final String name;

        NamedProvider(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public TrainingSession open(GanConfig config, ImageDataset data, Optional<SessionState> resumeFrom) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TrainedGan generator(GeneratorSpec spec, List<HostTensor> parameters, Provenance provenance) {
            throw new UnsupportedOperationException();
        }
    }
}
