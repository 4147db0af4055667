package dev.gan4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

    private static GanConfig config() {
        return GanTrainer.builder().generator(GeneratorSpec.dcgan().build()).discriminator(DiscriminatorSpec.dcgan().build())
                .seed(7).batchSize(32).epochs(4).discriminatorSteps(2).generatorEma(0.999)
                .labelSmoothing(LabelSmoothing.oneSided(0.9f)).config();
    }

    private static Provenance provenance() {
        return Provenance.of(config(), 1200, 300, 9600, 0x1a2b3c4dL, "DJL 0.36.0 / PyTorch 2.7.1", "cpu()", "0.2.0",
                Instant.parse("2026-12-01T10:00:00Z"), "3f2a9c1b-0000-4000-8000-000000000001");
    }

    @Test
    void recordsEverySettingThatChangesTheResult() {
        Provenance p = provenance();

        assertThat(p.seed()).isEqualTo(7);
        assertThat(p.steps()).isEqualTo(1200);
        assertThat(p.stepsPerEpoch()).isEqualTo(300);
        assertThat(p.epochs()).isEqualTo(4);
        assertThat(p.batchSize()).isEqualTo(32);
        assertThat(p.discriminatorSteps()).isEqualTo(2);
        assertThat(p.generatorEma()).isEqualTo(0.999);
        assertThat(p.labelSmoothing()).isEqualTo("0.9/0.0");
        assertThat(p.dataFingerprint()).isEqualTo("crc32c:1a2b3c4d");
        assertThat(p.discriminator()).contains(DiscriminatorSpec.dcgan().build());
        assertThat(p.jvm()).contains(System.getProperty("java.runtime.version"));
        assertThat(p.os()).startsWith(System.getProperty("os.name"));
    }

    @Test
    void propertiesRoundTripExactly() {
        Provenance p = provenance();

        assertThat(Provenance.fromProperties(p.toProperties())).isEqualTo(p);
    }

    @Test
    void propertiesUseOneKeySetWithTheVersionFirst() {
        Map<String, String> props = provenance().toProperties();

        assertThat(props.keySet()).containsExactly("provenance_version", "run_id", "recipe", "seed", "steps", "epochs",
                "steps_per_epoch", "batch_size", "discriminator_steps", "generator_ema", "loss", "label_smoothing",
                "generator_optimizer", "discriminator_optimizer", "dataset_size", "data_fingerprint",
                "discriminator_spec", "engine", "device", "gan4j_version", "jvm", "os", "finished_at", "augmentation",
                "instance_noise", "label_flips");
        assertThat(props).containsEntry("provenance_version", "2").containsEntry("batch_size", "32");
    }

    @Test
    void recordsTheAugmentationNoiseAndFlipsAndReadsFilesWithoutThemAsOff() {
        GanConfig augmented = GanTrainer.builder().generator(GeneratorSpec.dcgan().build())
                .discriminator(DiscriminatorSpec.dcgan().build()).seed(7)
                .augmentation(Augmentation.diffAugment(Augmentation.Policy.TRANSLATION, Augmentation.Policy.COLOR))
                .instanceNoise(InstanceNoise.annealed(0.1)).labelFlips(0.05).config();
        Provenance p = Provenance.of(augmented, 10, 5, 100, 0, "DJL", "cpu()", "0.2.0", Instant.EPOCH, "id");

        assertThat(p.augmentation()).isEqualTo("diffAugment(color,translation)");
        assertThat(p.instanceNoise()).isEqualTo("annealed(0.1)");
        assertThat(p.labelFlips()).isEqualTo(0.05);
        assertThat(Provenance.fromProperties(p.toProperties())).isEqualTo(p);
        assertThat(provenance().augmentation()).isEqualTo("none");

        Map<String, String> older = new HashMap<>(p.toProperties());
        older.remove("augmentation");
        older.remove("instance_noise");
        older.remove("label_flips");
        Provenance read = Provenance.fromProperties(older);
        assertThat(read.augmentation()).isEqualTo("none");
        assertThat(read.instanceNoise()).isEqualTo("none");
        assertThat(read.labelFlips()).isZero();
    }

    @Test
    void readingNamesTheMissingKey() {
        Map<String, String> props = new HashMap<>(provenance().toProperties());
        props.remove("finished_at");

        assertThatThrownBy(() -> Provenance.fromProperties(props))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("provenance lacks finished_at");
    }

    @Test
    void readingRejectsAnotherVersion() {
        Map<String, String> props = new HashMap<>(provenance().toProperties());
        props.put("provenance_version", "3");

        assertThatThrownBy(() -> Provenance.fromProperties(props))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("provenance_version is 3; this gan4j reads 2");
    }

    @Test
    void readingNamesAnUnreadableNumber() {
        Map<String, String> props = new HashMap<>(provenance().toProperties());
        props.put("seed", "seven");

        assertThatThrownBy(() -> Provenance.fromProperties(props))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("provenance seed is not a whole number: seven");
    }
}
