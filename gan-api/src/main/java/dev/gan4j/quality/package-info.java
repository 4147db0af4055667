/**
 * Sample quality of a generator, as the GAN literature measures it on MNIST: a digit classifier
 * trained by gan4j itself scores generated images (classifier score, Fréchet distance in its feature
 * space, recognisability, class coverage) beside the same figures for held-out real images, the
 * ceiling.
 *
 * <p>Users build a {@link dev.gan4j.quality.QualityMetric}, give it to the trainer to score during
 * training or call {@link dev.gan4j.quality.QualityMetric#score} on any generator, and read
 * {@link dev.gan4j.quality.QualityReport}s. The metrics and their linear algebra are pure Java here,
 * as is the on-disk cache of trained classifiers; an engine only trains and runs the classifier
 * ({@link dev.gan4j.spi.GanTrainerProvider#trainClassifier}, which takes a
 * {@link dev.gan4j.quality.ClassifierTraining}, and {@link dev.gan4j.spi.GanTrainerProvider#classify},
 * which returns a {@link dev.gan4j.quality.Classification}). {@code docs/quality.md} says how to read
 * the figures.
 */
package dev.gan4j.quality;
