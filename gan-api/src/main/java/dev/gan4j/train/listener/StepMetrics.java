package dev.gan4j.train.listener;

import dev.gan4j.spi.Engines;
import dev.gan4j.train.GanTrainer;
import java.util.List;

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
 * @param gradientPenalty the discriminator's gradient penalty ({@link dev.gan4j.train.GradientPenalty})
 *     in its last penalised update, without the lazy factor {@code k}; NaN without a penalty, and after
 *     a resume until the first penalised update
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
        float realDiversity,
        float gradientPenalty) {

    /**
     * Metrics without a gradient penalty: {@link #gradientPenalty()} is NaN.
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
     * @param foolRate the share of generated images the updated discriminator calls real, in the generator's
     *     step
     * @param samplesPerSecond real images consumed per second since the previous report
     * @param generatorGradientNorm the global L2 norm of the generator's gradient in its update, over all its
     *     trained parameters, before the optimiser applies it
     * @param discriminatorGradientNorm the global L2 norm of the discriminator's gradient in its (last)
     *     update, before the optimiser applies it
     * @param fakeDiversity the mean L2 distance between two generated images of the batch (over all pixels,
     *     in the data's [-1, 1] scale); near 0 when the generator draws the same image for every latent vector;
     *     NaN when the batch holds one image
     * @param realDiversity the same for the real batch: what {@code fakeDiversity} should approach
     */
    public StepMetrics(int epoch, int step, int stepsPerEpoch, long globalStep, float discriminatorLoss,
            float generatorLoss, float realScore, float fakeScore, float realAccuracy, float fakeAccuracy,
            float foolRate, double samplesPerSecond, float generatorGradientNorm, float discriminatorGradientNorm,
            float fakeDiversity, float realDiversity) {
        this(epoch, step, stepsPerEpoch, globalStep, discriminatorLoss, generatorLoss, realScore, fakeScore,
                realAccuracy, fakeAccuracy, foolRate, samplesPerSecond, generatorGradientNorm,
                discriminatorGradientNorm, fakeDiversity, realDiversity, Float.NaN);
    }

    /**
     * Returns the discriminator's accuracy over real and fake images together.
     *
     * @return the discriminator's accuracy over real and fake images together
     */
    public float discriminatorAccuracy() {
        return (realAccuracy + fakeAccuracy) / 2f;
    }

    /**
     * Returns the means of the measured values of {@code reports}, for an epoch's summary or the health
     * monitor's window: the counters are the last report's, the rate is {@code samplesPerSecond}.
     *
     * @param reports the reports to average
     * @param samplesPerSecond real images consumed per second since the previous report
     * @return the means of the measured values of {@code reports}, for an epoch's summary or the health
     *     monitor's window: the counters are the last report's, the rate is {@code samplesPerSecond}
     * @throws IllegalArgumentException if {@code reports} is empty
     */
    public static StepMetrics mean(List<StepMetrics> reports, double samplesPerSecond) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("reports is empty; the mean needs at least one");
        }
        int n = reports.size();
        StepMetrics last = reports.get(n - 1);
        double[] sum = new double[12];
        for (StepMetrics m : reports) {
            sum[0] += m.discriminatorLoss();
            sum[1] += m.generatorLoss();
            sum[2] += m.realScore();
            sum[3] += m.fakeScore();
            sum[4] += m.realAccuracy();
            sum[5] += m.fakeAccuracy();
            sum[6] += m.foolRate();
            sum[7] += m.generatorGradientNorm();
            sum[8] += m.discriminatorGradientNorm();
            sum[9] += m.fakeDiversity();
            sum[10] += m.realDiversity();
            sum[11] += m.gradientPenalty();
        }
        float[] mean = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            mean[i] = (float) (sum[i] / n);
        }
        return new StepMetrics(last.epoch(), last.step(), last.stepsPerEpoch(), last.globalStep(),
                mean[0], mean[1], mean[2], mean[3], mean[4], mean[5], mean[6], samplesPerSecond,
                mean[7], mean[8], mean[9], mean[10], mean[11]);
    }
}
