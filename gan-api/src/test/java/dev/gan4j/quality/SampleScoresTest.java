package dev.gan4j.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SampleScoresTest {

    @Test
    void confidentAndEvenlySpreadPredictionsScoreTheNumberOfClasses() {
        // One-hot rows, each class equally often: KL = log K for every image, so the score is K.
        float[] p = {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1};

        assertThat(SampleScores.classifierScore(p, 6, 3)).isCloseTo(3, within(1e-12));
    }

    @Test
    void identicalPredictionsScoreOne() {
        // Every image confidently class 0: p(y|x) = p(y), KL = 0.
        float[] p = {0.9f, 0.1f, 0.9f, 0.1f, 0.9f, 0.1f};

        assertThat(SampleScores.classifierScore(p, 3, 2)).isCloseTo(1, within(1e-12));
    }

    @Test
    void scoreOfAHandComputedCase() {
        // Rows (0.8, 0.2) and (0.4, 0.6): p(y) = (0.6, 0.4).
        // KL1 = 0.8 ln(0.8/0.6) + 0.2 ln(0.2/0.4); KL2 = 0.4 ln(0.4/0.6) + 0.6 ln(0.6/0.4).
        double kl1 = 0.8 * Math.log(0.8 / 0.6) + 0.2 * Math.log(0.2 / 0.4);
        double kl2 = 0.4 * Math.log(0.4 / 0.6) + 0.6 * Math.log(0.6 / 0.4);

        double score = SampleScores.classifierScore(new float[] {0.8f, 0.2f, 0.4f, 0.6f}, 2, 2);

        assertThat(score).isCloseTo(Math.exp((kl1 + kl2) / 2), within(1e-6));
    }

    @Test
    void recognizabilitySharesAndCoverageCountPredictions() {
        // Five images over 3 classes: predictions 0, 0, 1, 0, 1; confident (>= 0.9) are images 0 and 2.
        float[] p = {
            0.95f, 0.05f, 0f,
            0.6f, 0.3f, 0.1f,
            0f, 0.9f, 0.1f,
            0.5f, 0.2f, 0.3f,
            0.1f, 0.8f, 0.1f};
        float[] features = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        Classification c = Classification.of(3, p, 2, features);
        FrechetDistance toItself = new FrechetDistance(FeatureStatistics.of(features, 5, 2));

        SampleQuality q = SampleScores.score(c, toItself, 0.9, 0.25);

        assertThat(q.samples()).isEqualTo(5);
        assertThat(q.recognizability()).isEqualTo(0.4);
        assertThat(q.classShares()).containsExactly(0.6, 0.4, 0.0);
        assertThat(q.classesCovered()).isEqualTo(2);
        assertThat(q.smallestClassShare()).isEqualTo(0.0);
        assertThat(q.frechetDistance()).isCloseTo(0, within(1e-9));
        assertThat(q.classifierScore()).isCloseTo(SampleScores.classifierScore(p, 5, 3), within(1e-15));
    }

    @Test
    void conditionalAccuracyCountsImagesPredictedAsTheClassTheyWereDrawnFor() {
        // Five images drawn for classes 0, 1, 2, 0, 1 (i % 3); predicted 0, 0, 1, 0, 1: images 0, 3 and 4 agree.
        float[] p = {
            0.95f, 0.05f, 0f,
            0.6f, 0.3f, 0.1f,
            0f, 0.9f, 0.1f,
            0.5f, 0.2f, 0.3f,
            0.1f, 0.8f, 0.1f};
        Classification c = Classification.of(3, p, 2, new float[10]);

        assertThat(SampleScores.conditionalAccuracy(c)).isEqualTo(0.6);
    }

    @Test
    void aConditionalReportSaysItsAccuracyAndAnUnconditionalOneDoesNot() {
        SampleQuality q = new SampleQuality(10, 2, 3, 0.5, java.util.List.of(0.5, 0.5), 2, 0.5);
        ClassifierSummary summary = new ClassifierSummary("mnist", 2, 128, 9000, 1000, 0.99, 9.8, true, null);
        QualityReport unconditional = new QualityReport(3, 30, q, q, summary);
        QualityReport conditional = new QualityReport(3, 30, q, q, summary, 0.875);

        assertThat(unconditional.isConditional()).isFalse();
        assertThat(unconditional.describe()).doesNotContain("conditional");
        assertThat(conditional.isConditional()).isTrue();
        assertThat(conditional.describe()).endsWith(", conditional accuracy 87.5%");
    }

    @Test
    void imagesOfADivergedGeneratorGiveNanRatherThanFailing() {
        // A generator that diverged draws NaN images; the classifier's outputs are NaN too.
        float[] p = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        float[] features = {Float.NaN, 1, Float.NaN, 2};
        Classification c = Classification.of(2, p, 2, features);
        FrechetDistance distance = new FrechetDistance(FeatureStatistics.of(new float[] {0, 1, 2, 3}, 2, 2));

        SampleQuality q = SampleScores.score(c, distance, 0.9, 0.25);

        assertThat(q.frechetDistance()).isNaN();
        assertThat(q.classifierScore()).isNaN();
        assertThat(q.recognizability()).isZero();
    }
}
