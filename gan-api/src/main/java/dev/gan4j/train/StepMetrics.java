package dev.gan4j.train;

/**
 * What the reference recipe watches, measured on one training step. Engines fetch these few scalars
 * from the device together, every {@link GanTrainer.Builder#logEvery(int) logEvery} steps.
 *
 * @param epoch the epoch, from 1
 * @param step the step within the epoch, from 1
 * @param stepsPerEpoch the steps in each epoch
 * @param globalStep the generator updates since training began, from 1
 * @param discriminatorLoss the discriminator's loss on real plus fake
 * @param generatorLoss the generator's loss
 * @param realScore mean D(x): the discriminator's probability that real images are real
 * @param fakeScore mean D(G(z)) before the discriminator's update
 * @param realAccuracy the share of real images the discriminator calls real
 * @param fakeAccuracy the share of generated images the discriminator calls fake
 * @param foolRate the share of generated images the updated discriminator calls real, in the
 *     generator's step
 * @param samplesPerSecond real images consumed per second since the previous report
 * @param generatorGradientNorm the global L2 norm of the generator's gradient in its update, over all
 *     its trained parameters, before the optimiser applies it
 * @param discriminatorGradientNorm the global L2 norm of the discriminator's gradient in its (last)
 *     update, before the optimiser applies it
 * @param fakeDiversity the mean L2 distance between two generated images of the batch (over all
 *     pixels, in the data's [-1, 1] scale); near 0 when the generator draws the same image for every
 *     latent vector; NaN when the batch holds one image
 * @param realDiversity the same for the real batch: what {@code fakeDiversity} should approach
 */
public record StepMetrics(
        int epoch,
        int step,
        int stepsPerEpoch,
        long globalStep,
        float discriminatorLoss,
        float generatorLoss,
        float realScore,
        float fakeScore,
        float realAccuracy,
        float fakeAccuracy,
        float foolRate,
        double samplesPerSecond,
        float generatorGradientNorm,
        float discriminatorGradientNorm,
        float fakeDiversity,
        float realDiversity) {

    /** Returns the discriminator's accuracy over real and fake images together. */
    public float discriminatorAccuracy() {
        return (realAccuracy + fakeAccuracy) / 2f;
    }
}
