package dev.gan4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.train.Augmentation;
import dev.gan4j.train.GanLoss;
import dev.gan4j.train.GradientPenalty;
import dev.gan4j.train.InstanceNoise;
import org.junit.jupiter.api.Test;

class TrainMnistOptionsTest {

    @Test
    void lossIsTheRecipesUnlessNamed() {
        assertThat(TrainMnist.Options.parse(new String[0]).loss).isNull();
        assertThat(TrainMnist.Options.parse(new String[] {"--loss", "hinge"}).loss).isEqualTo(GanLoss.hinge());
        assertThat(TrainMnist.Options.parse(new String[] {"--loss", "wasserstein"}).loss)
                .isEqualTo(GanLoss.wasserstein());
    }

    @Test
    void anUnknownLossNamesTheValidOnes() {
        assertThatThrownBy(() -> TrainMnist.Options.parse(new String[] {"--loss", "lsgan"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("loss must be one of nonSaturating, minimax, leastSquares, hinge, wasserstein,"
                        + " relativisticAverage, wassersteinGp, got lsgan");
    }

    @Test
    void augmentationNoiseFlipsAndSubsetAreOffUnlessGiven() {
        TrainMnist.Options none = TrainMnist.Options.parse(new String[0]);
        TrainMnist.Options all = TrainMnist.Options.parse(new String[] {"--augment", "translation,cutout,color",
            "--instance-noise", "0.1", "--label-flips", "0.05", "--images", "500"});

        assertThat(none.augment).isNull();
        assertThat(none.instanceNoise).isNull();
        assertThat(none.labelFlips).isNull();
        assertThat(none.images).isNull();
        assertThat(all.augment).isEqualTo(Augmentation.diffAugment(Augmentation.Policy.COLOR,
                Augmentation.Policy.TRANSLATION, Augmentation.Policy.CUTOUT));
        assertThat(all.instanceNoise).isEqualTo(InstanceNoise.annealed(0.1));
        assertThat(all.labelFlips).isEqualTo(0.05);
        assertThat(all.images).isEqualTo(500);
    }

    @Test
    void badAugmentationNoiseOrFlipsAreNamed() {
        assertThatThrownBy(() -> TrainMnist.Options.parse(new String[] {"--augment", "translation,zoom"}))
                .hasMessage("augmentation policy 'zoom' is unknown; expected color, translation or cutout");
        assertThatThrownBy(() -> TrainMnist.Options.parse(new String[] {"--instance-noise", "3"}))
                .hasMessage("instanceNoise sigma must be in (0, 2], got 3.0");
        assertThatThrownBy(() -> TrainMnist.Options.parse(new String[] {"--label-flips", "0.5"}))
                .hasMessage("--label-flips must be in [0, 0.5), got 0.5");
        assertThatThrownBy(() -> TrainMnist.Options.parse(new String[] {"--images", "0"}))
                .hasMessage("--images must be >= 1, got 0");
    }

    @Test
    void usageListsTheLosses() {
        assertThat(TrainMnist.Options.USAGE)
                .contains("[--loss nonSaturating|minimax|leastSquares|hinge|wasserstein|relativisticAverage|wassersteinGp]");
    }

    @Test
    void spectralNormIsOffUnlessTurnedOnAndNormalisesTheRecipesDiscriminator() {
        assertThat(TrainMnist.Options.parse(new String[0]).spectralNorm).isFalse();
        assertThat(TrainMnist.Options.parse(new String[] {"--spectral-norm", "on"}).spectralNorm).isTrue();
        assertThat(TrainMnist.Recipe.DCGAN.discriminator(true).layers()).anyMatch(l -> l.spectralNorm());
        assertThat(TrainMnist.Recipe.KERAS.discriminator(false).layers()).noneMatch(l -> l.spectralNorm());
        assertThatThrownBy(() -> TrainMnist.Options.parse(new String[] {"--spectral-norm", "yes"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--spectral-norm must be on or off, got yes");
    }

    @Test
    void penaltyTakesNameWeightAndAnOptionalInterval() {
        assertThat(TrainMnist.Options.parse(new String[0]).penalty).isNull();
        assertThat(TrainMnist.Options.parse(new String[] {"--penalty", "r1:10"}).penalty)
                .isEqualTo(GradientPenalty.r1(10));
        assertThat(TrainMnist.Options.parse(new String[] {"--penalty", "r1:10:16"}).penalty)
                .isEqualTo(GradientPenalty.r1(10).every(16));
        assertThat(TrainMnist.Options.parse(new String[] {"--penalty", "wganGp:5"}).penalty)
                .isEqualTo(GradientPenalty.wganGp(5));
        assertThatThrownBy(() -> TrainMnist.Options.parse(new String[] {"--penalty", "r1"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--penalty must be NAME:WEIGHT or NAME:WEIGHT:EVERY (e.g. r1:10 or r1:10:16), got r1");
        assertThatThrownBy(() -> TrainMnist.Options.parse(new String[] {"--penalty", "r3:1"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gradient penalty must be one of none, r1, r2, wganGp, got r3");
    }
}
