package dev.gan4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.spec.Padding;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientPenaltyTest {

    private static final GeneratorSpec G = GeneratorSpec.dcgan().build();
    private static final DiscriminatorSpec D = DiscriminatorSpec.dcgan().batchNorm(false).build();

    private static GanTrainer.Builder complete() {
        return GanTrainer.builder().generator(G).discriminator(D);
    }

    @Test
    void defaultIsNoPenalty() {
        assertThat(complete().config().gradientPenalty()).isEqualTo(GradientPenalty.none());
    }

    @Test
    void factoriesHoldTheirWeightAndEveryUpdateUnlessLazy() {
        assertThat(GradientPenalty.r1(10)).isEqualTo(new GradientPenalty.R1(10, 1));
        assertThat(GradientPenalty.r2(0.5)).isEqualTo(new GradientPenalty.R2(0.5, 1));
        assertThat(GradientPenalty.wganGp()).isEqualTo(GradientPenalty.wganGp(10));
        assertThat(GradientPenalty.r1(10).every(16)).isEqualTo(new GradientPenalty.R1(10, 16));
        assertThat(GradientPenalty.r1(10).every(16).weight()).isEqualTo(10);
        assertThat(GradientPenalty.none().weight()).isZero();
        assertThat(GradientPenalty.none().every()).isEqualTo(1);
    }

    @Test
    void namesAndDescriptionsAsCheckpointsAndProvenanceWriteThem() {
        List<GradientPenalty> all = List.of(GradientPenalty.none(), GradientPenalty.r1(10), GradientPenalty.r2(1),
                GradientPenalty.wganGp());
        assertThat(all).extracting(GradientPenalty::name).containsExactly("none", "r1", "r2", "wganGp");
        assertThat(GradientPenalty.r1(10).every(16).describe()).isEqualTo("r1(gamma=10.0, every=16)");
        assertThat(GradientPenalty.r2(1).describe()).isEqualTo("r2(gamma=1.0)");
        assertThat(GradientPenalty.wganGp().describe()).isEqualTo("wganGp(lambda=10.0)");
        for (GradientPenalty p : all) {
            assertThat(GradientPenalty.of(p.name(), p.weight(), p.every())).isEqualTo(p);
        }
        assertThat(GradientPenalty.of("r1", 2, 4)).isEqualTo(GradientPenalty.r1(2).every(4));
    }

    @Test
    void onlyNoneIsOff() {
        assertThat(GradientPenalty.none().isOn()).isFalse();
        assertThat(List.of(GradientPenalty.r1(10), GradientPenalty.r2(1).every(4), GradientPenalty.wganGp()))
                .allMatch(GradientPenalty::isOn);
    }

    @Test
    void ofRefusesAnUnknownName() {
        assertThatThrownBy(() -> GradientPenalty.of("r3", 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gradient penalty must be one of none, r1, r2, wganGp, got r3");
    }

    @Test
    void eachPenaltyVisitsItsOwnMethod() {
        GradientPenalty.Visitor<String> names = new GradientPenalty.Visitor<>() {
            @Override
            public String none(GradientPenalty.None penalty) {
                return "none";
            }

            @Override
            public String r1(GradientPenalty.R1 penalty) {
                return "r1";
            }

            @Override
            public String r2(GradientPenalty.R2 penalty) {
                return "r2";
            }

            @Override
            public String wganGp(GradientPenalty.WganGp penalty) {
                return "wganGp";
            }
        };

        for (GradientPenalty p : List.of(GradientPenalty.none(), GradientPenalty.r1(1), GradientPenalty.r2(1),
                GradientPenalty.wganGp())) {
            assertThat(p.accept(names)).isEqualTo(p.name());
        }
    }

    @Test
    void factoriesRefuseANegativeOrNonFiniteWeight() {
        assertThatThrownBy(() -> GradientPenalty.r1(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("r1 gamma must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> GradientPenalty.r2(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("r2 gamma must be finite and >= 0, got NaN");
        assertThatThrownBy(() -> GradientPenalty.wganGp(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("wganGp lambda must be finite and >= 0, got Infinity");
        assertThat(GradientPenalty.r1(0).weight()).isZero();
    }

    @Test
    void everyRefusesAnIntervalBelowOneAndNoneRefusesEvery() {
        assertThatThrownBy(() -> GradientPenalty.r1(10).every(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("r1 every must be >= 1 discriminator update, got 0");
        assertThatThrownBy(() -> GradientPenalty.wganGp().every(-3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("wganGp every must be >= 1 discriminator update, got -3");
        assertThatThrownBy(() -> GradientPenalty.none().every(4))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("gradientPenalty none has nothing to apply every 4 updates; choose r1, r2 or wganGp first");
    }

    @Test
    void wassersteinGpAloneAsksForWganGpAtLambdaTen() {
        GanConfig config = complete().loss(GanLoss.wassersteinGp()).config();

        assertThat(config.gradientPenalty()).isEqualTo(GradientPenalty.wganGp(10));
        assertThat(complete().loss(GanLoss.wassersteinGp()).gradientPenalty(GradientPenalty.r1(1)).config()
                .gradientPenalty()).isEqualTo(GradientPenalty.r1(1));
    }

    @Test
    void buildRefusesWassersteinGpWithoutAPenalty() {
        GanTrainer.Builder builder = complete().loss(GanLoss.wassersteinGp()).gradientPenalty(GradientPenalty.none());

        assertThatThrownBy(builder::config)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("loss wassersteinGp has no weight clipping and needs a gradient penalty to keep its critic"
                        + " Lipschitz, but gradientPenalty is none; leave gradientPenalty unset (WGAN-GP's"
                        + " wganGp(lambda=10.0) is then chosen) or set one");
    }

    @Test
    void buildRefusesWeightClippingWithAnyPenaltyNamingBoth() {
        GanTrainer.Builder builder = complete().loss(GanLoss.wasserstein()).gradientPenalty(GradientPenalty.wganGp());

        assertThatThrownBy(builder::config)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("gradientPenalty wganGp(lambda=10.0) cannot be combined with loss wasserstein(clip=0.01),"
                        + " whose weight clipping already constrains the critic (WGAN-GP replaces clipping by the"
                        + " penalty); use loss(GanLoss.wassersteinGp()), or drop gradientPenalty(...)");
        assertThatThrownBy(builder.gradientPenalty(GradientPenalty.r1(1).every(4))::config)
                .hasMessageStartingWith("gradientPenalty r1(gamma=1.0, every=4) cannot be combined with loss"
                        + " wasserstein(clip=0.01)");
        assertThat(builder.gradientPenalty(GradientPenalty.none()).config().gradientPenalty())
                .isEqualTo(GradientPenalty.none());
    }

    @Test
    void buildRefusesAPenaltyWithBatchNormInTheDiscriminatorNamingBoth() {
        DiscriminatorSpec withBatchNorm = DiscriminatorSpec.builder().inputShape(1, 28, 28)
                .conv(8, 3, 2, Padding.same()).batchNorm().leakyRelu(0.2f).flatten().dense(1).build();
        GanTrainer.Builder builder = complete().discriminator(withBatchNorm).gradientPenalty(GradientPenalty.r1(10));

        assertThatThrownBy(builder::config)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("gradientPenalty r1(gamma=10.0) cannot be combined with a discriminator holding"
                        + " batchNorm(): its batch statistics make each image's gradient depend on the rest of the"
                        + " batch, so the per-image norm is not defined (Gulrajani et al. 2017, section 4); remove"
                        + " batchNorm() from the discriminator (DiscriminatorSpec.dcgan().batchNorm(false), or"
                        + " DiscriminatorSpec.kerasDcgan()), or drop gradientPenalty(...)");
        assertThat(builder.gradientPenalty(GradientPenalty.none()).config().gradientPenalty())
                .isEqualTo(GradientPenalty.none());
    }

    @Test
    void penaltyWorksWithEveryOtherLoss() {
        for (GanLoss loss : List.of(GanLoss.nonSaturating(), GanLoss.minimax(), GanLoss.leastSquares(),
                GanLoss.hinge(), GanLoss.relativisticAverage())) {
            assertThat(complete().loss(loss).gradientPenalty(GradientPenalty.r1(1)).config().gradientPenalty())
                    .as(loss.name()).isEqualTo(GradientPenalty.r1(1));
        }
    }
}
