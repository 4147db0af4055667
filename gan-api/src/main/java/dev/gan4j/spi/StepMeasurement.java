package dev.gan4j.spi;

/**
 * What an engine measured in one training step, fetched to the host in one copy; {@link
 * TrainingLoop} adds the counters and the rate to make the public {@link
 * dev.gan4j.train.listener.StepMetrics}, whose documentation defines each value.
 *
 * @param discriminatorLoss the discriminator's loss
 * @param generatorLoss the generator's loss
 * @param realScore the mean of D(x), as a probability
 * @param fakeScore the mean of D(G(z)), as a probability
 * @param realAccuracy the share of real images D called real
 * @param fakeAccuracy the share of generated images D called fake
 * @param foolRate the share of generated images D called real in the generator update
 * @param generatorGradientNorm the global L2 norm of G's gradient
 * @param discriminatorGradientNorm the global L2 norm of D's gradient
 * @param fakeDiversity the generated batch's mean pairwise distance
 * @param realDiversity the real batch's mean pairwise distance
 * @param gradientPenalty the last gradient penalty computed, NaN without one
 */
public record StepMeasurement(
        float discriminatorLoss,
        float generatorLoss,
        float realScore,
        float fakeScore,
        float realAccuracy,
        float fakeAccuracy,
        float foolRate,
        float generatorGradientNorm,
        float discriminatorGradientNorm,
        float fakeDiversity,
        float realDiversity,
        float gradientPenalty) {

    /**
     * A measurement without a gradient penalty: {@link #gradientPenalty()} is NaN.
     *
     * @param discriminatorLoss the discriminator's loss
     * @param generatorLoss the generator's loss
     * @param realScore the mean of D(x), as a probability
     * @param fakeScore the mean of D(G(z)), as a probability
     * @param realAccuracy the share of real images D called real
     * @param fakeAccuracy the share of generated images D called fake
     * @param foolRate the share of generated images D called real in the generator update
     * @param generatorGradientNorm the global L2 norm of G's gradient
     * @param discriminatorGradientNorm the global L2 norm of D's gradient
     * @param fakeDiversity the generated batch's mean pairwise distance
     * @param realDiversity the real batch's mean pairwise distance
     */
    public StepMeasurement(float discriminatorLoss, float generatorLoss, float realScore, float fakeScore,
            float realAccuracy, float fakeAccuracy, float foolRate, float generatorGradientNorm,
            float discriminatorGradientNorm, float fakeDiversity, float realDiversity) {
        this(discriminatorLoss, generatorLoss, realScore, fakeScore, realAccuracy, fakeAccuracy, foolRate,
                generatorGradientNorm, discriminatorGradientNorm, fakeDiversity, realDiversity, Float.NaN);
    }
}
