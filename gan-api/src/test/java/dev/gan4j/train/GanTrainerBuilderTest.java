package dev.gan4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.health.HealthAction;
import dev.gan4j.health.HealthCondition;
import dev.gan4j.health.HealthPolicy;
import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.train.listener.TrainingListener;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GanTrainerBuilderTest {

    private static final GeneratorSpec G = GeneratorSpec.dcgan().build();
    private static final DiscriminatorSpec D = DiscriminatorSpec.dcgan().build();

    private static GanTrainer.Builder complete() {
        return GanTrainer.builder().generator(G).discriminator(D);
    }

    @Test
    void configHasTheDocumentedDefaults() {
        GanConfig config = complete().config();

        assertThat(config.generator()).isSameAs(G);
        assertThat(config.discriminator()).isSameAs(D);
        assertThat(config.loss()).isEqualTo(GanLoss.nonSaturating());
        assertThat(config.labelSmoothing()).isEqualTo(LabelSmoothing.none());
        assertThat(config.generatorOptimizer()).isEqualTo(new Adam(2e-4, 0.5, 0.999, 1e-7));
        assertThat(config.discriminatorOptimizer()).isEqualTo(new Adam(2e-4, 0.5, 0.999, 1e-7));
        assertThat(config.batchSize()).isEqualTo(64);
        assertThat(config.epochs()).isEqualTo(1);
        assertThat(config.stepsPerEpoch()).isZero();
        assertThat(config.discriminatorSteps()).isEqualTo(1);
        assertThat(config.logEvery()).isEqualTo(10);
        assertThat(config.device()).isEqualTo(ComputeDevice.auto());
        assertThat(config.listeners()).isEmpty();
        assertThat(config.checkpoints()).isEqualTo(Checkpointing.off());
        assertThat(config.checkpoints().enabled()).isFalse();
        assertThat(config.health()).isEqualTo(HealthPolicy.defaults());
        assertThat(config.nativeMemory()).isEqualTo(NativeMemory.REUSE);
        assertThat(config.augmentation()).isEqualTo(Augmentation.none());
        assertThat(config.instanceNoise()).isEqualTo(InstanceNoise.none());
        assertThat(config.labelFlips()).isZero();
    }

    @Test
    void augmentationNoiseAndLabelFlipsAreKept() {
        Augmentation augmentation = Augmentation.diffAugment(Augmentation.Policy.TRANSLATION).withProbability(0.3);

        GanConfig config = complete().augmentation(augmentation).instanceNoise(InstanceNoise.annealed(0.1))
                .labelFlips(0.05).config();

        assertThat(config.augmentation()).isEqualTo(augmentation);
        assertThat(config.instanceNoise()).isEqualTo(InstanceNoise.annealed(0.1));
        assertThat(config.labelFlips()).isEqualTo(0.05);
    }

    @Test
    void rejectsLabelFlipsOutsideZeroToAHalf() {
        for (double p : new double[] {-0.1, 0.5, 1, Double.NaN}) {
            assertThatThrownBy(() -> complete().labelFlips(p))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("labelFlips probability must be in [0, 0.5), got " + p);
        }
        assertThat(complete().labelFlips(0).labelFlips(0.49).config().labelFlips()).isEqualTo(0.49);
    }

    @Test
    void rejectsLabelFlipsWithALossWithoutTargetsNamingBoth() {
        assertThatThrownBy(() -> complete().loss(GanLoss.wasserstein()).labelFlips(0.2).config())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("labelFlips (0.2) is not defined for loss wasserstein(clip=0.01), which has no targets;"
                        + " drop labelFlips(...), or choose a loss with targets: nonSaturating, minimax, leastSquares"
                        + " or relativisticAverage");
        assertThat(complete().loss(GanLoss.hinge()).labelFlips(0).config().labelFlips()).isZero();
    }

    @Test
    void rejectsAdaptiveAugmentationWithALossWhoseDiscriminatorDoesNotDecideBySign() {
        Augmentation ada = Augmentation.diffAugment(Augmentation.Policy.TRANSLATION).adaptive();
        for (GanLoss loss : new GanLoss[] {GanLoss.leastSquares(), GanLoss.wasserstein(), GanLoss.wassersteinGp(),
                GanLoss.relativisticAverage()}) {
            assertThatThrownBy(() -> complete().discriminator(DiscriminatorSpec.dcgan().batchNorm(false).build())
                            .loss(loss).labelSmoothing(LabelSmoothing.none()).augmentation(ada).config())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("augmentation " + ada.describe() + " adapts its probability by the sign of D(x)"
                            + " (Karras et al. 2020), which says nothing for loss " + loss.describe() + "; use a fixed"
                            + " probability (drop adaptive()), or choose a loss whose discriminator decides by sign:"
                            + " nonSaturating, minimax or hinge");
        }
        for (GanLoss loss : new GanLoss[] {GanLoss.nonSaturating(), GanLoss.minimax(), GanLoss.hinge()}) {
            assertThat(complete().loss(loss).labelSmoothing(LabelSmoothing.none()).augmentation(ada).config()
                    .augmentation()).isEqualTo(ada);
        }
        Augmentation fixed = Augmentation.diffAugment(Augmentation.Policy.TRANSLATION);
        assertThat(complete().loss(GanLoss.leastSquares()).augmentation(fixed).config().augmentation()).isEqualTo(fixed);
    }

    @Test
    void nativeMemoryPolicyIsKept() {
        assertThat(complete().nativeMemory(NativeMemory.SYSTEM_DEFAULT).config().nativeMemory())
                .isEqualTo(NativeMemory.SYSTEM_DEFAULT);
    }

    @Test
    void healthPolicyIsKeptAndCanBeTurnedOff() {
        HealthPolicy strict = HealthPolicy.builder()
                .action(HealthCondition.GENERATOR_COLLAPSE, HealthAction.STOP)
                .build();

        assertThat(complete().health(strict).config().health()).isEqualTo(strict);
        assertThat(complete().health(HealthPolicy.off()).config().health().isOff()).isTrue();
    }

    @Test
    void configKeepsEverySetting() {
        TrainingListener first = new TrainingListener() {};
        TrainingListener second = new TrainingListener() {};

        GanConfig config = complete()
                .loss(GanLoss.minimax())
                .labelSmoothing(LabelSmoothing.twoSided(0.9f, 0.1f))
                .generatorOptimizer(Adam.of(1e-4, 0.3))
                .discriminatorOptimizer(Adam.of(3e-4, 0.5, 0.99))
                .batchSize(128).epochs(5).stepsPerEpoch(50).discriminatorSteps(2).logEvery(25)
                .device(ComputeDevice.gpu(1)).seed(42)
                .listener(first).listener(second)
                .config();

        assertThat(config.loss()).isEqualTo(GanLoss.minimax());
        assertThat(config.labelSmoothing()).isEqualTo(LabelSmoothing.twoSided(0.9f, 0.1f));
        assertThat(config.generatorOptimizer()).isEqualTo(new Adam(1e-4, 0.3, 0.999, 1e-7));
        assertThat(config.discriminatorOptimizer()).isEqualTo(new Adam(3e-4, 0.5, 0.99, 1e-7));
        assertThat(config.batchSize()).isEqualTo(128);
        assertThat(config.epochs()).isEqualTo(5);
        assertThat(config.stepsPerEpoch()).isEqualTo(50);
        assertThat(config.discriminatorSteps()).isEqualTo(2);
        assertThat(config.logEvery()).isEqualTo(25);
        assertThat(config.device()).isEqualTo(ComputeDevice.gpu(1));
        assertThat(config.seed()).isEqualTo(42L);
        assertThat(config.listeners()).containsExactly(first, second);
    }

    @Test
    void optimizerSetsBothNetworks() {
        GanConfig config = complete().optimizer(Adam.of(1e-4, 0.3)).config();

        assertThat(config.generatorOptimizer()).isEqualTo(Adam.of(1e-4, 0.3));
        assertThat(config.discriminatorOptimizer()).isEqualTo(Adam.of(1e-4, 0.3));
    }

    @Test
    void recordsTheSeedGiven() {
        assertThat(complete().seed(-7L).config().seed()).isEqualTo(-7L);
        assertThat(complete().seed(0L).config().seed()).isZero();
    }

    @Test
    void configListenersCannotBeChangedAfterwards() {
        GanTrainer.Builder builder = complete().listener(new TrainingListener() {});
        GanConfig config = builder.config();

        builder.listener(new TrainingListener() {});

        assertThat(config.listeners()).hasSize(1);
        assertThatThrownBy(() -> config.listeners().add(new TrainingListener() {}))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsBatchSizeOutsideOneTo65536() {
        assertThatThrownBy(() -> GanTrainer.builder().batchSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchSize must be in [1, 65536], got 0");
        assertThatThrownBy(() -> GanTrainer.builder().batchSize(65537))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchSize must be in [1, 65536], got 65537");
        assertThat(complete().batchSize(1).batchSize(65536).config().batchSize()).isEqualTo(65536);
    }

    @Test
    void rejectsZeroEpochs() {
        assertThatThrownBy(() -> GanTrainer.builder().epochs(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("epochs must be >= 1, got 0");
    }

    @Test
    void rejectsNegativeStepsPerEpoch() {
        assertThatThrownBy(() -> GanTrainer.builder().stepsPerEpoch(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stepsPerEpoch must be >= 0 (0 = one full pass), got -1");
    }

    @Test
    void rejectsDiscriminatorStepsOutsideOneToHundred() {
        assertThatThrownBy(() -> GanTrainer.builder().discriminatorSteps(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("discriminatorSteps must be in [1, 100], got 0");
        assertThatThrownBy(() -> GanTrainer.builder().discriminatorSteps(101))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("discriminatorSteps must be in [1, 100], got 101");
    }

    @Test
    void generatorEmaIsOffByDefaultAndKeptWhenSet() {
        assertThat(complete().config().generatorEma()).isZero();
        assertThat(complete().generatorEma(0.999).config().generatorEma()).isEqualTo(0.999);
    }

    @Test
    void rejectsGeneratorEmaOutsideZeroOrHalfToOne() {
        assertThatThrownBy(() -> GanTrainer.builder().generatorEma(0.3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("generatorEma decay must be 0 (off) or in [0.5, 1), got 0.3");
        assertThatThrownBy(() -> GanTrainer.builder().generatorEma(1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("generatorEma decay must be 0 (off) or in [0.5, 1), got 1.0");
    }

    @Test
    void rejectsLogEveryBelowOne() {
        assertThatThrownBy(() -> GanTrainer.builder().logEvery(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("logEvery must be >= 1, got 0");
    }

    @Test
    void rejectsNullSettingsByName() {
        GanTrainer.Builder b = GanTrainer.builder();

        assertThatThrownBy(() -> b.generator(null)).isInstanceOf(NullPointerException.class).hasMessage("generator");
        assertThatThrownBy(() -> b.discriminator(null))
                .isInstanceOf(NullPointerException.class).hasMessage("discriminator");
        assertThatThrownBy(() -> b.loss(null)).isInstanceOf(NullPointerException.class).hasMessage("loss");
        assertThatThrownBy(() -> b.labelSmoothing(null))
                .isInstanceOf(NullPointerException.class).hasMessage("labelSmoothing");
        assertThatThrownBy(() -> b.augmentation(null))
                .isInstanceOf(NullPointerException.class).hasMessage("augmentation");
        assertThatThrownBy(() -> b.instanceNoise(null))
                .isInstanceOf(NullPointerException.class).hasMessage("instanceNoise");
        assertThatThrownBy(() -> b.optimizer(null))
                .isInstanceOf(NullPointerException.class).hasMessage("generatorOptimizer");
        assertThatThrownBy(() -> b.discriminatorOptimizer(null))
                .isInstanceOf(NullPointerException.class).hasMessage("discriminatorOptimizer");
        assertThatThrownBy(() -> b.device(null)).isInstanceOf(NullPointerException.class).hasMessage("device");
        assertThatThrownBy(() -> b.listener(null)).isInstanceOf(NullPointerException.class).hasMessage("listener");
        assertThatThrownBy(() -> b.health(null)).isInstanceOf(NullPointerException.class).hasMessage("health");
        assertThatThrownBy(() -> b.nativeMemory(null))
                .isInstanceOf(NullPointerException.class).hasMessage("nativeMemory");
    }

    @Test
    void rejectsMissingGenerator() {
        assertThatThrownBy(() -> GanTrainer.builder().discriminator(D).config())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("generator is not set; call generator(GeneratorSpec.dcgan().build()) or similar");
    }

    @Test
    void rejectsMissingDiscriminator() {
        assertThatThrownBy(() -> GanTrainer.builder().generator(G).config())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("discriminator is not set; call discriminator(DiscriminatorSpec.dcgan().build()) or similar");
    }

    @Test
    void rejectsGeneratorOutputThatTheDiscriminatorCannotTake() {
        DiscriminatorSpec colour = DiscriminatorSpec.dcgan().inputShape(3, 32, 32).build();

        assertThatThrownBy(() -> GanTrainer.builder().generator(G).discriminator(colour).config())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("generator output shape (1, 28, 28) differs from discriminator input shape (3, 32, 32);"
                        + " build the discriminator with inputShape(1, 28, 28)");
    }

    @Test
    void buildChecksTheSettingsBeforeLookingForAnEngine() {
        assertThatThrownBy(() -> GanTrainer.builder().generator(G).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("discriminator is not set");
    }

    @Test
    void buildWithoutAnEngineOnTheClassPathNamesTheMissingArtifact() {
        assertThatThrownBy(() -> complete().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no gan4j engine on the class path: add the dependency dev.gan4j:gan-djl (and the"
                        + " PyTorch natives, e.g. ai.djl.pytorch:pytorch-native-cpu), see README");
    }

    @Test
    void checkpointDirTurnsCheckpointsOnWithTheDocumentedDefaults(@TempDir Path dir) {
        Checkpointing checkpoints = complete().checkpointDir(dir).config().checkpoints();

        assertThat(checkpoints.enabled()).isTrue();
        assertThat(checkpoints.directory()).isEqualTo(dir.toAbsolutePath());
        assertThat(checkpoints.everySteps()).isEqualTo(1000);
        assertThat(checkpoints.keep()).isEqualTo(3);
    }

    @Test
    void checkpointSettingsAreKept(@TempDir Path dir) {
        Checkpointing checkpoints = complete().checkpointDir(dir).checkpointEvery(50).keepCheckpoints(7).config()
                .checkpoints();

        assertThat(checkpoints).isEqualTo(new Checkpointing(dir, 50, 7));
    }

    @Test
    void rejectsCheckpointNumbersBelowOne() {
        assertThatThrownBy(() -> complete().checkpointEvery(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("checkpointEvery must be >= 1 step, got 0");
        assertThatThrownBy(() -> complete().keepCheckpoints(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keepCheckpoints must be >= 1, got 0");
    }

    @Test
    void rejectsCheckpointSettingsWithoutADirectory() {
        assertThatThrownBy(() -> complete().checkpointEvery(100).config())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("checkpointEvery is set but checkpointDir is not; call checkpointDir(directory) to turn"
                        + " checkpoints on");
        assertThatThrownBy(() -> complete().keepCheckpoints(5).config())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("keepCheckpoints is set but checkpointDir is not; call checkpointDir(directory) to turn"
                        + " checkpoints on");
    }

    @Test
    void rejectsResumingToZeroEpochs(@TempDir Path dir) {
        assertThatThrownBy(() -> GanTrainer.resume(dir).epochs(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("epochs must be >= 1, got 0");
    }

    @Test
    void resumeWithoutAnEngineOnTheClassPathNamesTheMissingArtifact(@TempDir Path dir) {
        assertThatThrownBy(() -> GanTrainer.resume(dir).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no gan4j engine on the class path: add the dependency dev.gan4j:gan-djl");
    }
}
