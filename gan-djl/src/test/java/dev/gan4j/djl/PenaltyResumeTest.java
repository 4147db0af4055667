package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gan4j.internal.checkpoint.CheckpointFile;
import dev.gan4j.train.GanLoss;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.GradientPenalty;
import dev.gan4j.train.LabelSmoothing;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs with a gradient penalty are deterministic, resume bit for bit from a checkpoint (the lazy
 * schedule follows the discriminator's update count, which the checkpoint restores), and record the
 * penalty in their checkpoints and provenance.
 */
class PenaltyResumeTest {

    static Stream<GradientPenalty> penalties() {
        // Runs.builder makes two discriminator updates per step: every(3) penalises updates 0, 3, 6...,
        // so the steps alternate between one and no penalised update and the crash falls mid-pattern.
        return Stream.of(GradientPenalty.r1(1), GradientPenalty.r2(1), GradientPenalty.wganGp(),
                GradientPenalty.r1(2).every(3));
    }

    private static GanTrainer.Builder penalised(Path dir, GradientPenalty penalty) {
        GanTrainer.Builder builder = Runs.builder(dir).discriminator(PenalisedStepTest.discriminator())
                .gradientPenalty(penalty);
        return penalty instanceof GradientPenalty.WganGp
                ? builder.loss(GanLoss.wassersteinGp()).labelSmoothing(LabelSmoothing.none()) : builder;
    }

    @ParameterizedTest
    @MethodSource("penalties")
    void aResumedPenalisedRunEndsBitForBitWhereTheUninterruptedOneEnds(GradientPenalty penalty, @TempDir Path whole,
            @TempDir Path cut) throws IOException {
        List<float[]> uninterrupted = Runs.train(penalised(whole, penalty).build());

        assertThatThrownBy(() -> Runs.train(penalised(cut, penalty).listener(Runs.crashAfter(7)).build()))
                .hasMessageContaining("simulated crash");
        GanTrainer resuming = GanTrainer.resume(cut).build();
        assertThat(resuming.config().gradientPenalty()).as("the penalty read back").isEqualTo(penalty);
        List<float[]> resumed = Runs.train(resuming);

        Runs.assertSameWeights(resumed, uninterrupted);
        for (float[] w : uninterrupted) {
            for (float v : w) {
                assertThat(v).isFinite();
            }
        }
    }

    @Test
    void aPenalisedRunIsDeterministicAndDiffersFromTheUnpenalisedOne(@TempDir Path a, @TempDir Path b,
            @TempDir Path c) {
        List<float[]> first = Runs.train(penalised(a, GradientPenalty.wganGp()).build());
        List<float[]> second = Runs.train(penalised(b, GradientPenalty.wganGp()).build());
        List<float[]> unpenalised = Runs.train(Runs.builder(c).discriminator(PenalisedStepTest.discriminator())
                .loss(GanLoss.wasserstein()).labelSmoothing(LabelSmoothing.none()).build());

        Runs.assertSameWeights(second, first);
        assertThat(second.get(0)).isNotEqualTo(unpenalised.get(0));
    }

    @Test
    void checkpointAndProvenanceRecordThePenalty(@TempDir Path dir) throws IOException {
        Runs.train(penalised(dir, GradientPenalty.wganGp(5).every(2)).build());

        CheckpointFile.Contents newest = Runs.newest(dir);
        assertThat(newest.builder().config().gradientPenalty()).isEqualTo(GradientPenalty.wganGp(5).every(2));
        assertThat(newest.settings().getProperty("provenance.loss")).isEqualTo("wassersteinGp + wganGp(lambda=5.0, every=2)");
    }
}
