package dev.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.spec.Conditioning;
import dev.gan4j.spec.Layer;
import dev.gan4j.train.Adam;
import dev.gan4j.train.Augmentation;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanLoss;
import dev.gan4j.train.GradientPenalty;
import dev.gan4j.train.InstanceNoise;
import dev.gan4j.train.LearningRateSchedule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code gan4j train}'s options, parsed without training (TrainMnist's options before they moved here). */
class TrainOptionsTest {

    private static TrainCommand parse(String... args) {
        return CommandLine.populateCommand(new TrainCommand(), args);
    }

    @Test
    void lossIsTheRecipesUnlessNamed() {
        assertThat(parse().loss).isNull();
        assertThat(parse("--loss", "hinge").loss).isEqualTo(GanLoss.hinge());
        assertThat(parse("--loss", "wasserstein").loss).isEqualTo(GanLoss.wasserstein());
    }

    @Test
    void anUnknownLossNamesTheValidOnes() {
        assertThatThrownBy(() -> parse("--loss", "lsgan"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("Invalid value for option '--loss': loss must be one of nonSaturating, minimax,"
                        + " leastSquares, hinge, wasserstein, relativisticAverage, wassersteinGp, got lsgan");
    }

    @Test
    void augmentationNoiseFlipsAndSubsetAreOffUnlessGiven() {
        TrainCommand none = parse();
        TrainCommand all = parse("--augment", "translation,cutout,color", "--instance-noise", "0.1",
                "--label-flips", "0.05", "--images", "500");

        assertThat(none.augment).isNull();
        assertThat(none.instanceNoise).isNull();
        assertThat(none.labelFlips).isNull();
        assertThat(none.data.images).isNull();
        assertThat(all.augment).isEqualTo(Augmentation.diffAugment(Augmentation.Policy.COLOR,
                Augmentation.Policy.TRANSLATION, Augmentation.Policy.CUTOUT));
        assertThat(all.instanceNoise).isEqualTo(InstanceNoise.annealed(0.1));
        assertThat(all.labelFlips).isEqualTo(0.05);
        assertThat(all.data.images).isEqualTo(500);
    }

    @Test
    void badAugmentationNoiseOrFlipsAreNamed() {
        assertThatThrownBy(() -> parse("--augment", "translation,zoom"))
                .hasMessage("Invalid value for option '--augment': augmentation policy 'zoom' is unknown;"
                        + " expected color, translation or cutout");
        assertThatThrownBy(() -> parse("--instance-noise", "3"))
                .hasMessage("Invalid value for option '--instance-noise': instanceNoise sigma must be in (0, 2], got 3.0");
        assertThatThrownBy(() -> parse("--label-flips", "0.5"))
                .hasMessage("Invalid value for option '--label-flips': must be in [0, 0.5), got 0.5");
        assertThatThrownBy(() -> parse("--images", "0"))
                .hasMessage("Invalid value for option '--images': must be >= 1, got 0");
        assertThatThrownBy(() -> parse("--quality-every", "-1"))
                .hasMessage("Invalid value for option '--quality-every': must be >= 0 (0 = off), got -1");
    }

    @Test
    void spectralNormIsOffUnlessTurnedOnAndNormalisesTheRecipesDiscriminator() {
        assertThat(parse().spectralNorm).isEqualTo(Switch.off);
        assertThat(parse("--spectral-norm", "on").spectralNorm).isEqualTo(Switch.on);
        assertThat(parse("--spectral-norm", "on").builder(9000).config().discriminator().layers())
                .anyMatch(l -> l.spectralNorm());
        assertThat(Recipe.DCGAN.discriminator(true).layers()).anyMatch(l -> l.spectralNorm());
        assertThat(Recipe.KERAS.discriminator(false).layers()).noneMatch(l -> l.spectralNorm());
        assertThatThrownBy(() -> parse("--spectral-norm", "yes"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("Invalid value for option '--spectral-norm': expected one of [on, off] (case-sensitive)"
                        + " but was 'yes'");
    }

    @Test
    void penaltyTakesNameWeightAndAnOptionalInterval() {
        assertThat(parse().penalty).isNull();
        assertThat(parse("--penalty", "r1:10").penalty).isEqualTo(GradientPenalty.r1(10));
        assertThat(parse("--penalty", "r1:10:16").penalty).isEqualTo(GradientPenalty.r1(10).every(16));
        assertThat(parse("--penalty", "wganGp:5").penalty).isEqualTo(GradientPenalty.wganGp(5));
        assertThatThrownBy(() -> parse("--penalty", "r1"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("Invalid value for option '--penalty': --penalty must be NAME:WEIGHT or"
                        + " NAME:WEIGHT:EVERY (e.g. r1:10 or r1:10:16), got r1");
        assertThatThrownBy(() -> parse("--penalty", "r3:1"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("Invalid value for option '--penalty': gradient penalty must be one of none, r1, r2,"
                        + " wganGp, got r3");
    }

    @Test
    void defaultsAreTrainMnistsDcganRecipe() {
        TrainCommand c = parse();
        GanConfig config = c.builder(9000).config();

        assertThat(c.recipe).isEqualTo(Recipe.DCGAN);
        assertThat(c.run.out).isEqualTo(Path.of("gan4j-out"));
        assertThat(c.qualityEvery).isEqualTo(6);
        assertThat(c.data.data).isNull();
        assertThat(config.seed()).isEqualTo(42);
        assertThat(config.epochs()).isEqualTo(36);
        assertThat(config.batchSize()).isEqualTo(32);
        assertThat(config.generatorOptimizer()).isEqualTo(Adam.of(2e-4, 0.5));
        assertThat(config.loss()).isEqualTo(GanLoss.nonSaturating());
    }

    @Test
    void kerasRecipeKeepsItsOwnDefaultsAndAPenaltyKeepsItsDiscriminator() {
        GanConfig keras = parse("--recipe", "keras").builder(9000).config();
        GanConfig penalised = parse("--penalty", "r1:10").builder(9000).config();

        assertThat(keras.epochs()).isEqualTo(5);
        assertThat(keras.batchSize()).isEqualTo(64);
        assertThat(keras.stepsPerEpoch()).isEqualTo(9000 / 64 / 10);
        assertThat(keras.generatorOptimizer()).isEqualTo(Adam.of(1e-4, 0.3));
        assertThat(parse().builder(9000).config().discriminator().layers()).anyMatch(l -> l instanceof Layer.BatchNorm);
        assertThat(penalised.discriminator().layers()).noneMatch(l -> l instanceof Layer.BatchNorm);
        assertThatThrownBy(() -> parse("--recipe", "wgan"))
                .hasMessage("Invalid value for option '--recipe': --recipe must be dcgan or keras, got wgan");
    }

    @Test
    void conditionalConditionsBothNetworksOfEitherRecipeOnTheTenDigits() {
        for (String recipe : new String[] {"dcgan", "keras"}) {
            GanConfig plain = parse("--recipe", recipe).builder(9000).config();
            GanConfig conditional = parse("--recipe", recipe, "--conditional", "--spectral-norm", "on").builder(9000)
                    .config();

            assertThat(plain.generator().classes()).isZero();
            assertThat(plain.discriminator().classes()).isZero();
            assertThat(conditional.generator().conditioning()).isEqualTo(Conditioning.labelEmbedding(10, 50));
            assertThat(conditional.discriminator().conditioning()).isEqualTo(Conditioning.projection(10));
            assertThat(conditional.discriminator().layers()).anyMatch(Layer::spectralNorm);
            assertThat(conditional.generator().latentDim()).isEqualTo(plain.generator().latentDim());
        }
    }

    @Test
    void learningRateAndScheduleReplaceTheRecipesOptimiserKeepingItsBeta() {
        GanConfig config = parse("--learning-rate", "1e-3", "--lr-schedule", "cosine", "--lr-warmup", "50")
                .builder(9000).config();

        assertThat(config.generatorOptimizer())
                .isEqualTo(Adam.of(1e-3, 0.5).schedule(LearningRateSchedule.cosine(0).withWarmup(50)));
        assertThat(config.discriminatorOptimizer()).isEqualTo(config.generatorOptimizer());
        assertThatThrownBy(() -> parse("--lr-schedule", "step"))
                .hasMessage("Invalid value for option '--lr-schedule': learning-rate schedule must be constant,"
                        + " linear or cosine, got step");
    }
}
