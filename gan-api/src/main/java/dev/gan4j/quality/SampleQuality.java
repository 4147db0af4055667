package dev.gan4j.quality;

import java.util.List;
import java.util.Locale;

/**
 * The quality of one set of images, as the MNIST classifier sees it. Computed the same way for
 * generated images and for held-out real ones (the ceiling), so the two can be read side by side.
 *
 * @param samples the number of images scored
 * @param classifierScore the "Inception Score" computed with the classifier, {@code exp(E_x KL(p(y|x)
 *     || p(y)))}: from 1 (every image gets the same class distribution) to the number of classes (each
 *     image confidently one class, the classes evenly used). Higher is better.
 * @param frechetDistance the squared Fréchet distance between Gaussians fitted to the classifier's
 *     features of these images and of the classifier's training images, as the FID reports it; 0 for
 *     identical statistics. Lower is better; it grows as the sample shrinks, so compare equal counts.
 * @param recognizability the share of images whose most probable class has probability at least the
 *     metric's confidence (0.9 by default)
 * @param classShares for each class, the share of images classified as it (most probable class); they
 *     sum to 1
 * @param classesCovered the number of classes whose share is at least the metric's coverage threshold
 * @param smallestClassShare the smallest entry of {@code classShares}
 */
public record SampleQuality(
        int samples,
        double classifierScore,
        double frechetDistance,
        double recognizability,
        List<Double> classShares,
        int classesCovered,
        double smallestClassShare) {

    /**
     * Copies the shares and checks the values.
     *
     * @param samples the number of images scored
     * @param classifierScore the "Inception Score" computed with the classifier, {@code exp(E_x KL(p(y|x) ||
     *     p(y)))}: from 1 (every image gets the same class distribution) to the number of classes (each image
     *     confidently one class, the classes evenly used). Higher is better.
     * @param frechetDistance the squared Fréchet distance between Gaussians fitted to the classifier's
     *     features of these images and of the classifier's training images, as the FID reports it; 0 for
     *     identical statistics. Lower is better; it grows as the sample shrinks, so compare equal counts.
     * @param recognizability the share of images whose most probable class has probability at least the
     *     metric's confidence (0.9 by default)
     * @param classShares for each class, the share of images classified as it (most probable class); they sum
     *     to 1
     * @param classesCovered the number of classes whose share is at least the metric's coverage threshold
     * @param smallestClassShare the smallest entry of {@code classShares}
     * @throws IllegalArgumentException if {@code samples < 1}, there are fewer than 2 shares, or a share
     *     or the recognizability is outside [0, 1]
     */
    public SampleQuality {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, got " + samples);
        }
        classShares = List.copyOf(classShares);
        if (classShares.size() < 2) {
            throw new IllegalArgumentException("classShares needs one share per class (>= 2), got " + classShares);
        }
        for (double share : classShares) {
            checkShare("class share", share);
        }
        checkShare("recognizability", recognizability);
    }

    private static void checkShare(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
        }
    }

    /**
     * Returns the figures on one line, e.g. {@code score 9.31, FD 1.87, recognizable 93.1%, classes
     * 10/10 (smallest 7.9%)}.
     *
     * @return the figures on one line
     */
    public String describe() {
        return String.format(Locale.ROOT, "score %.2f, FD %.2f, recognizable %.1f%%, classes %d/%d (smallest %.1f%%)",
                classifierScore, frechetDistance, 100 * recognizability, classesCovered, classShares.size(),
                100 * smallestClassShare);
    }
}
