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
                        + " relativisticAverage, wassersteinGp, got lsgan");
    }

    @Test
    void usageListsTheLosses() {
        assertThat(TrainMnist.Options.USAGE)
                .contains("[--loss nonSaturating|minimax|leastSquares|hinge|wasserstein|relativisticAverage|wassersteinGp]");
    }
}
