package dev.gan4j.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthPolicyTest {

    @Test
    void defaultsStopOnDivergenceAndWarnOfTheRest() {
        HealthPolicy policy = HealthPolicy.defaults();

        assertThat(policy.action(HealthCondition.DIVERGENCE)).isEqualTo(HealthAction.STOP);
        assertThat(policy.action(HealthCondition.DISCRIMINATOR_OVERPOWERING)).isEqualTo(HealthAction.WARN);
        assertThat(policy.action(HealthCondition.GENERATOR_COLLAPSE)).isEqualTo(HealthAction.WARN);
        assertThat(policy.action(HealthCondition.VANISHING_GENERATOR_GRADIENTS)).isEqualTo(HealthAction.WARN);
        assertThat(policy.action(HealthCondition.UNCONSTRAINED_CRITIC)).isEqualTo(HealthAction.WARN);
        assertThat(policy.criticEstimateLimit()).isEqualTo(1.0);
        assertThat(policy.warmup()).isEqualTo(200);
        assertThat(policy.window()).isEqualTo(200);
        assertThat(policy.overpoweringAccuracy()).isEqualTo(0.95);
        assertThat(policy.collapseRatio()).isEqualTo(0.15);
        assertThat(policy.vanishingGradientNorm()).isEqualTo(0.01);
        assertThat(policy.isOff()).isFalse();
    }

    @Test
    void offIgnoresEveryCondition() {
        HealthPolicy off = HealthPolicy.off();

        for (HealthCondition c : HealthCondition.values()) {
            assertThat(off.action(c)).as(c.name()).isEqualTo(HealthAction.IGNORE);
        }
        assertThat(off.isOff()).isTrue();
    }

    @Test
    void builderChangesOnlyWhatItIsTold() {
        HealthPolicy policy = HealthPolicy.builder()
                .action(HealthCondition.GENERATOR_COLLAPSE, HealthAction.STOP)
                .window(500)
                .build();

        assertThat(policy.action(HealthCondition.GENERATOR_COLLAPSE)).isEqualTo(HealthAction.STOP);
        assertThat(policy.action(HealthCondition.DIVERGENCE)).isEqualTo(HealthAction.STOP);
        assertThat(policy.window()).isEqualTo(500);
        assertThat(policy.warmup()).isEqualTo(200);
    }

    @Test
    void policyThatLogsOneConditionIsNotOff() {
        HealthPolicy policy = HealthPolicy.builder()
                .action(HealthCondition.DISCRIMINATOR_OVERPOWERING, HealthAction.IGNORE)
                .action(HealthCondition.GENERATOR_COLLAPSE, HealthAction.IGNORE)
                .action(HealthCondition.VANISHING_GENERATOR_GRADIENTS, HealthAction.IGNORE)
                .action(HealthCondition.UNCONSTRAINED_CRITIC, HealthAction.IGNORE)
                .action(HealthCondition.DIVERGENCE, HealthAction.LOG)
                .build();

        assertThat(policy.isOff()).isFalse();
    }

    @Test
    void rejectsSettingsOutOfRange() {
        HealthPolicy.Builder b = HealthPolicy.builder();

        assertThatThrownBy(() -> b.warmup(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("health warmup must be >= 0 steps, got -1");
        assertThatThrownBy(() -> b.window(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("health window must be >= 1 step, got 0");
        assertThatThrownBy(() -> b.overpoweringAccuracy(1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("overpoweringAccuracy must be in [0.5, 1), got 1.0");
        assertThatThrownBy(() -> b.overpoweringAccuracy(0.4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("overpoweringAccuracy must be in [0.5, 1), got 0.4");
        assertThatThrownBy(() -> b.collapseRatio(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("collapseRatio must be in (0, 1), got 0.0");
        assertThatThrownBy(() -> b.vanishingGradientNorm(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vanishingGradientNorm must be > 0 and finite, got NaN");
        assertThatThrownBy(() -> b.criticEstimateLimit(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("criticEstimateLimit must be > 0 and finite, got 0.0");
        assertThatThrownBy(() -> b.action(null, HealthAction.LOG)).isInstanceOf(NullPointerException.class)
                .hasMessage("condition");
        assertThatThrownBy(() -> b.action(HealthCondition.DIVERGENCE, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("action");
    }

    @Test
    void rejectsAMissingAction() {
        Map<HealthCondition, HealthAction> actions = new EnumMap<>(HealthCondition.class);
        actions.put(HealthCondition.DIVERGENCE, HealthAction.STOP);

        assertThatThrownBy(() -> new HealthPolicy(actions, 200, 200, 0.95, 0.15, 0.01))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("health policy has no action for DISCRIMINATOR_OVERPOWERING; give every condition one");
    }

    @Test
    void policyOfTheSixSettingsBeforeTheCriticConditionWarnsOfAnUnconstrainedCritic() {
        // given: every action of the conditions that existed before the critic's, as a 0.1.0 user wrote them
        Map<HealthCondition, HealthAction> actions = new EnumMap<>(HealthCondition.class);
        actions.put(HealthCondition.DISCRIMINATOR_OVERPOWERING, HealthAction.LOG);
        actions.put(HealthCondition.GENERATOR_COLLAPSE, HealthAction.STOP);
        actions.put(HealthCondition.VANISHING_GENERATOR_GRADIENTS, HealthAction.IGNORE);
        actions.put(HealthCondition.DIVERGENCE, HealthAction.STOP);

        // when
        HealthPolicy policy = new HealthPolicy(actions, 100, 300, 0.9, 0.2, 0.001);

        // then
        assertThat(policy.action(HealthCondition.UNCONSTRAINED_CRITIC)).isEqualTo(HealthAction.WARN);
        assertThat(policy.action(HealthCondition.GENERATOR_COLLAPSE)).isEqualTo(HealthAction.STOP);
        assertThat(policy.criticEstimateLimit()).isEqualTo(HealthPolicy.DEFAULT_CRITIC_ESTIMATE_LIMIT);
        assertThat(policy.window()).isEqualTo(300);
    }

    @Test
    void everyConditionHasALabelAndAdvice() {
        for (HealthCondition c : HealthCondition.values()) {
            assertThat(c.label()).as(c.name()).isEqualTo(c.name().toLowerCase().replace('_', ' '));
            assertThat(c.advice()).as(c.name()).hasSizeGreaterThan(80).endsWith(".");
        }
    }
}
