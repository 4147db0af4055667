package dev.gan4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class GanLossTest {

    private static final List<GanLoss> ALL = List.of(GanLoss.nonSaturating(), GanLoss.minimax(),
            GanLoss.leastSquares(), GanLoss.hinge(), GanLoss.wasserstein(), GanLoss.relativisticAverage(),
            GanLoss.wassersteinGp());

    @Test
    void namesEachLossAsSavedInCheckpoints() {
        assertThat(ALL).extracting(GanLoss::name).containsExactly("nonSaturating", "minimax", "leastSquares", "hinge",
                "wasserstein", "relativisticAverage", "wassersteinGp");
        assertThat(GanLoss.NAMES).containsExactly("nonSaturating", "minimax", "leastSquares", "hinge",
                "wasserstein", "relativisticAverage", "wassersteinGp");
        assertThat(GanLoss.ofName("wassersteinGp")).isEqualTo(GanLoss.wassersteinGp());
    }

    @Test
    void describesALossWithItsParametersForProvenance() {
        assertThat(GanLoss.wasserstein(0.02).describe()).isEqualTo("wasserstein(clip=0.02)");
        assertThat(GanLoss.hinge().describe()).isEqualTo("hinge");
    }

    @Test
    void onlyLossesWithTargetsTakeLabelSmoothingAndOnlyCrossEntropyReadsLogits() {
        assertThat(ALL).filteredOn(GanLoss::usesTargets).extracting(GanLoss::name)
                .containsExactly("nonSaturating", "minimax", "leastSquares", "relativisticAverage");
        assertThat(ALL).filteredOn(GanLoss::outputsLogits).extracting(GanLoss::name)
                .containsExactly("nonSaturating", "minimax", "relativisticAverage");
    }

    @Test
    void onlyLossesWhoseDiscriminatorSeparatesAtZeroDecideBySign() {
        assertThat(ALL).filteredOn(GanLoss::decidesBySign).extracting(GanLoss::name)
                .containsExactly("nonSaturating", "minimax", "hinge");
    }

    @Test
    void eachLossVisitsItsOwnMethod() {
        GanLoss.Visitor<String> names = new GanLoss.Visitor<>() {
            @Override
            public String nonSaturating(GanLoss.NonSaturating loss) {
                return "nonSaturating";
            }

            @Override
            public String minimax(GanLoss.Minimax loss) {
                return "minimax";
            }

            @Override
            public String leastSquares(GanLoss.LeastSquares loss) {
                return "leastSquares";
            }

            @Override
            public String hinge(GanLoss.Hinge loss) {
                return "hinge";
            }

            @Override
            public String wasserstein(GanLoss.Wasserstein loss) {
                return "wasserstein";
            }

            @Override
            public String relativisticAverage(GanLoss.RelativisticAverage loss) {
                return "relativisticAverage";
            }

            @Override
            public String wassersteinGp(GanLoss.WassersteinGp loss) {
                return "wassersteinGp";
            }
        };

        assertThat(ALL).allSatisfy(loss -> assertThat(loss.accept(names)).isEqualTo(loss.name()));
    }

    @Test
    void wassersteinRefusesAClipOutsideZeroToOne() {
        assertThatThrownBy(() -> GanLoss.wasserstein(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("wasserstein clip must be in (0, 1] (the paper's is 0.01), got 0.0");
        assertThatThrownBy(() -> GanLoss.wasserstein(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GanLoss.wasserstein(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildRefusesLabelSmoothingWithALossWithoutTargetsNamingBoth() {
        GanTrainer.Builder builder = GanTrainer.builder().generator(GeneratorSpec.dcgan().build())
                .discriminator(DiscriminatorSpec.dcgan().build())
                .labelSmoothing(LabelSmoothing.twoSided(0.9f, 0.1f)).loss(GanLoss.hinge());

        assertThatThrownBy(builder::config)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("labelSmoothing (real 0.9, fake 0.1) is not defined for loss hinge, which has no targets;"
                        + " drop labelSmoothing(...), or choose a loss with targets: nonSaturating, minimax,"
                        + " leastSquares or relativisticAverage");
        assertThatThrownBy(builder.loss(GanLoss.wasserstein())::config)
                .hasMessageContaining("loss wasserstein(clip=0.01), which has no targets");
        assertThat(builder.loss(GanLoss.leastSquares()).config().loss()).isEqualTo(GanLoss.leastSquares());
        assertThat(builder.loss(GanLoss.hinge()).labelSmoothing(LabelSmoothing.none()).config().loss())
                .isEqualTo(GanLoss.hinge());
    }

    @Test
    void lossesOfTheSameKindAreEqual() {
        assertThat(GanLoss.nonSaturating()).isEqualTo(GanLoss.nonSaturating()).isNotEqualTo(GanLoss.minimax());
        assertThat(GanLoss.wasserstein(0.01)).isEqualTo(GanLoss.wasserstein()).isNotEqualTo(GanLoss.wasserstein(0.02));
    }
}
