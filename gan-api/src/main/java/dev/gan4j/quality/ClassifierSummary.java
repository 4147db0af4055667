package dev.gan4j.quality;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The classifier behind a quality metric: what it is, how well it classifies held-out real images,
 * and where it came from.
 *
 * @param recipe the classifier spec's recipe, e.g. {@code mnist}
 * @param classes the number of classes
 * @param featureSize the size of the feature vectors the Fréchet distance is measured in
 * @param trainingImages the number of labelled images it was trained on
 * @param testImages the number of held-out labelled images its accuracy was measured on
 * @param testAccuracy the share of those images it classified correctly
 * @param trainingSeconds how long its training took, when it was trained (also when now read from a
 *     cache)
 * @param fromCache whether it was read from a cache file rather than trained now
 * @param cacheFile the cache file it was read from or written to, or {@code null} if none could be
 *     written
 */
public record ClassifierSummary(
        String recipe,
        int classes,
        int featureSize,
        int trainingImages,
        int testImages,
        double testAccuracy,
        double trainingSeconds,
        boolean fromCache,
        Path cacheFile) {

    /**
     * Returns the facts on one line, e.g. {@code classifier mnist: 99.0% on 1000 held-out images,
     * trained on 9000 in 9.8 s, read from /home/me/.cache/gan4j/classifier-1f2e....bin}.
     *
     * @return the facts on one line
     */
    public String describe() {
        return String.format(Locale.ROOT, "classifier %s: %.1f%% on %d held-out images, trained on %d in %.1f s, %s",
                recipe, 100 * testAccuracy, testImages, trainingImages, trainingSeconds,
                cacheFile == null ? "not cached" : (fromCache ? "read from " : "cached in ") + cacheFile);
    }
}
