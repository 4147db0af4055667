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
        double samplesPerSecond) {

    /** Returns the discriminator's accuracy over real and fake images together. */
    public float discriminatorAccuracy() {
        return (realAccuracy + fakeAccuracy) / 2f;
    }
}
