package dev.gan4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.train.GanLoss;
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
                        + " relativisticAverage, got lsgan");
    }

    @Test
    void usageListsTheLosses() {
        assertThat(TrainMnist.Options.USAGE)
                .contains("[--loss nonSaturating|minimax|leastSquares|hinge|wasserstein|relativisticAverage]");
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
}
