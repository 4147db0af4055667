package dev.gan4j.quality;

import dev.gan4j.data.ImageDataset;
import dev.gan4j.image.ImageBatch;
import dev.gan4j.spec.ClassifierSpec;
import dev.gan4j.spec.TensorShape;
import dev.gan4j.spi.Engines;
import dev.gan4j.spi.GanTrainerProvider;
import dev.gan4j.train.ClassLabels;
import dev.gan4j.train.Generator;
import dev.gan4j.train.Provenance;
import dev.gan4j.train.TrainedGan;
import dev.gan4j.train.listener.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Measures how good a generator's images are, as TF-GAN and the GAN literature do for MNIST: with a
 * digit classifier trained by gan4j itself on the labelled training images, it reports for {@link
 * #samples()} generated images the classifier score ("Inception Score" with this classifier), the
 * Fréchet distance in the classifier's feature space ("FID"), the share of recognisable images and
 * the classes covered, beside the same figures for as many held-out real images: the ceiling. The
 * metrics are defined in {@link SampleQuality}; {@code docs/quality.md} says how to read them.
 *
 * <pre>{@code
 * QualityMetric quality = QualityMetric.mnist().every(5).samples(1000).build();
 * TrainedGan gan = GanTrainer.builder()...quality(quality).build().train(Mnist.bundledTrainingSet());
 * System.out.println(quality.score(gan).describe());
 * }</pre>
 *
 * <p>The classifier is trained on first use (seconds for the bundled digits, on the engine's default
 * device) and cached on disk, keyed by a hash of its spec, its training recipe and every training
 * image and label, so the next run reads it back and a changed data set trains a new one. For an IDX
 * directory the cache is the file {@code gan4j-classifier.bin} in it, written atomically; for other
 * data, or when that directory is not writable, a file in {@link Builder#cacheDirectory(Path)}. A
 * metric keeps its classifier in memory (as plain Java arrays, no native memory) once prepared.
 * Thread-safe.
 */
public final class QualityMetric {

    /** The default number of images scored. */
    public static final int DEFAULT_SAMPLES = 1000;

    /** The default probability a prediction needs for its image to count as recognisable. */
    public static final double DEFAULT_CONFIDENCE = 0.9;

    private final QualityData data;
    private final int every;
    private final int samples;
    private final long seed;
    private final double confidence;
    private final double coverageFraction;
    private final Path cacheDirectory;
    private final ClassifierSpec spec;
    private final ClassifierTraining training;
    private Prepared prepared;

    private QualityMetric(Builder b) {
        this.data = b.data;
        this.every = b.every;
        this.samples = b.samples;
        this.seed = b.seed;
        this.confidence = b.confidence;
        this.coverageFraction = b.coverageFraction;
        this.cacheDirectory = b.cacheDirectory;
        this.spec = b.spec;
        this.training = b.training;
    }

    /**
     * Returns a builder for the MNIST metric on the 9,000 training digits bundled with gan4j (the
     * classifier is trained on them), with the 1,000 bundled test digits held out.
     *
     * @return this builder
     */
    public static Builder mnist() {
        return new Builder(QualityData.bundledMnist());
    }

    /**
     * Returns a builder for the MNIST metric on the IDX files in {@code dir}, as {@link
     * dev.gan4j.data.Mnist#trainingSet(Path)} reads them: the classifier is trained on the training
     * set and measured on the t10k test set if the directory has it, else on the last tenth of the
     * training set, held out from training. The files are read on first use.
     *
     * @param dir the MNIST directory (IDX files, raw or gzip)
     * @return this builder
     * @throws IllegalArgumentException if {@code dir} is null or not a directory
     */
    public static Builder mnist(Path dir) {
        if (dir == null) {
            throw new IllegalArgumentException("dir must not be null");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("MNIST directory " + dir
                    + (Files.exists(dir) ? " is not a directory" : " does not exist"));
        }
        return new Builder(QualityData.idx(dir));
    }

    /**
     * Returns a builder for a metric on any labelled images: the classifier is trained on {@code
     * training} and measured on {@code heldOut}, which also gives the real-data ceiling. Both must hold
     * labels in {@code [0, classes)} of the classifier spec (set one with {@link
     * Builder#classifier(ClassifierSpec, ClassifierTraining)} for other than MNIST digits).
     *
     * @param training the labelled images the classifier trains on
     * @param heldOut the labelled images the real statistics are measured on
     * @return this builder
     * @throws IllegalArgumentException if either is null or unlabelled, their image shapes differ, or
     *     {@code heldOut} holds fewer than 2 images
     */
    public static Builder of(ImageDataset training, ImageDataset heldOut) {
        if (training == null) {
            throw new IllegalArgumentException("training must not be null");
        }
        if (heldOut == null) {
            throw new IllegalArgumentException("heldOut must not be null");
        }
        if (!training.hasLabels()) {
            throw new IllegalArgumentException("training images have no labels; the classifier needs them");
        }
        if (!heldOut.hasLabels()) {
            throw new IllegalArgumentException("heldOut images have no labels; the accuracy needs them");
        }
        if (!training.imageShape().equals(heldOut.imageShape())) {
            throw new IllegalArgumentException("training images have shape " + training.imageShape()
                    + " but heldOut images " + heldOut.imageShape() + "; they must be alike");
        }
        if (heldOut.size() < 2) {
            throw new IllegalArgumentException(
                    "heldOut has " + heldOut.size() + " image(s); the real-data ceiling needs at least 2");
        }
        return new Builder(QualityData.of(training, heldOut));
    }

    /**
     * Returns how many epochs apart reports are made during training (and always after the last).
     *
     * @return how many epochs apart reports are made during training (and always after the last)
     */
    public int every() {
        return every;
    }

    /**
     * Returns the number of generated images scored, and of real images in the ceiling (at most).
     *
     * @return the number of generated images scored, and of real images in the ceiling (at most)
     */
    public int samples() {
        return samples;
    }

    /**
     * Returns the seed of the generated images' latent vectors and of the ceiling's choice of images.
     *
     * @return the seed of the generated images' latent vectors and of the ceiling's choice of images
     */
    public long seed() {
        return seed;
    }

    /**
     * Returns the probability a prediction needs for its image to count as recognisable.
     *
     * @return the probability a prediction needs for its image to count as recognisable
     */
    public double confidence() {
        return confidence;
    }

    /**
     * Returns the share a class needs to count as covered, a fraction of the even share 1/classes.
     *
     * @return the share a class needs to count as covered, a fraction of the even share 1/classes
     */
    public double coverageFraction() {
        return coverageFraction;
    }

    /**
     * Returns the directory for cache files that do not sit beside the data.
     *
     * @return the directory for cache files that do not sit beside the data
     */
    public Path cacheDirectory() {
        return cacheDirectory;
    }

    /**
     * Returns the classifier's architecture.
     *
     * @return the classifier's architecture
     */
    public ClassifierSpec classifierSpec() {
        return spec;
    }

    /**
     * Returns how the classifier is trained.
     *
     * @return how the classifier is trained
     */
    public ClassifierTraining classifierTraining() {
        return training;
    }

    /**
     * Returns the classifier, reading it from the cache or training it if this metric has not yet.
     *
     * @return the classifier, reading it from the cache or training it if this metric has not yet
     * @throws UncheckedIOException if the data cannot be read
     * @throws IllegalArgumentException if the data does not fit the classifier
     * @throws IllegalStateException if no engine is on the class path
     */
    public ClassifierSummary classifier() {
        return prepared().summary();
    }

    /**
     * Returns the metrics of held-out real images (as many as {@link #samples()}, or all the held-out
     * images if fewer): the best a generator can expect. Prepares the classifier as {@link
     * #classifier()} does.
     *
     * @return the metrics of held-out real images (as many as {@link #samples()}, or all the held-out images
     *     if fewer): the best a generator can expect
     */
    public SampleQuality ceiling() {
        return prepared().ceiling();
    }

    /**
     * Scores {@link #samples()} images that {@code generator} draws from latents seeded with {@link
     * #seed()}, beside the real-data ceiling. A {@link TrainedGan}'s report carries the epochs and steps
     * of its provenance. A generator conditional on the classifier's classes draws balanced labels, and
     * its report carries its {@link QualityReport#conditionalAccuracy()}. Prepares the classifier as
     * {@link #classifier()} does.
     *
     * @param generator the generator to score
     * @return the quality report of the samples
     * @throws IllegalArgumentException if the generator's images do not have the classifier's input shape
     */
    public QualityReport score(Generator generator) {
        Objects.requireNonNull(generator, "generator");
        int epoch = 0;
        long step = 0;
        if (generator instanceof TrainedGan) {
            Provenance provenance = ((TrainedGan) generator).provenance();
            epoch = provenance.epochs();
            step = provenance.steps();
        }
        return score(generator, epoch, step);
    }

    /**
     * Returns the conditional accuracy of a class-conditional generator: the share of {@link #samples()}
     * images, drawn with balanced labels ({@code i % classes}, {@link ClassLabels#balanced}) from latents
     * seeded with {@link #seed()}, that the classifier assigns to the class they were drawn for. Chance is
     * {@code 1 / classes}; a generator that ignores its label scores about that. Prepares the classifier
     * as {@link #classifier()} does.
     *
     * @param generator the generator to measure
     * @return the share of samples the classifier assigns to the class they were drawn for, in [0, 1]
     * @throws IllegalArgumentException if the generator is not conditional on the classifier's classes, or
     *     its images do not have the classifier's input shape
     */
    public double conditionalAccuracy(Generator generator) {
        Objects.requireNonNull(generator, "generator");
        int classes = generator.spec().classes();
        if (classes != spec.classes()) {
            throw new IllegalArgumentException("conditional accuracy needs a generator conditional on the classifier's "
                    + spec.classes() + " classes, got " + (classes == 0 ? "an unconditional one" : "one of " + classes));
        }
        if (!generator.spec().outputShape().equals(spec.inputShape())) {
            throw new IllegalArgumentException("the generator makes images of shape " + generator.spec().outputShape()
                    + " but the quality classifier takes " + spec.inputShape());
        }
        Prepared p = prepared();
        int[] labels = ClassLabels.balanced(samples, classes);
        return SampleScores.conditionalAccuracy(
                p.engine().classify(spec, p.weights(), new BatchImages(generator.generate(labels, seed))));
    }

    /**
     * Returns a listener that, added to a trainer, prepares the classifier when training starts and
     * sends a {@link QualityReport} to every listener of the run ({@link
     * TrainingListener#onQuality(QualityReport)}) every {@link #every()} epochs and after the last.
     * {@code GanTrainer.Builder.quality(metric)} adds it for you.
     *
     * @return a listener that, added to a trainer, prepares the classifier when training starts and sends a
     *     {@link QualityReport} to every listener of the run ({@link TrainingListener#onQuality(QualityReport)})
     *     every {@link #every()} epochs and after the last
     */
    public TrainingListener listener() {
        return new QualityListener(this);
    }

    QualityReport score(Generator generator, int epoch, long step) {
        if (!generator.spec().outputShape().equals(spec.inputShape())) {
            throw new IllegalArgumentException("the generator makes images of shape " + generator.spec().outputShape()
                    + " but the quality classifier takes " + spec.inputShape());
        }
        Prepared p = prepared();
        // A conditional generator draws balanced labels, image i of class i % classes, so its conditional
        // accuracy comes from the same classification.
        int classes = generator.spec().classes();
        ImageBatch images = classes > 0 ? generator.generate(ClassLabels.balanced(samples, classes), seed)
                : generator.generate(samples, seed);
        Classification c = p.engine().classify(spec, p.weights(), new BatchImages(images));
        SampleQuality quality = SampleScores.score(c, p.distance(), confidence, coverageThreshold());
        double conditionalAccuracy = classes == spec.classes()
                ? SampleScores.conditionalAccuracy(c) : Double.NaN;
        return new QualityReport(epoch, step, quality, p.ceiling(), p.summary(), conditionalAccuracy);
    }

    private double coverageThreshold() {
        return coverageFraction / spec.classes();
    }

    /** What the classifier needs in memory to score: weights, reference statistics, the ceiling. */
    private record Prepared(
            GanTrainerProvider engine,
            byte[] weights,
            FrechetDistance distance,
            SampleQuality ceiling,
            ClassifierSummary summary) {}

    private synchronized Prepared prepared() {
        if (prepared == null) {
            prepared = prepare();
        }
        return prepared;
    }

    private Prepared prepare() {
        QualityData.Loaded loaded;
        try {
            loaded = data.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + data.describe() + " for the quality metric: "
                    + e.getMessage(), e);
        }
        for (ImageDataset images : new ImageDataset[] {loaded.training(), loaded.heldOut()}) {
            if (!images.imageShape().equals(spec.inputShape())) {
                throw new IllegalArgumentException("images of shape " + images.imageShape() + " in "
                        + data.describe() + " do not fit the classifier, which takes " + spec.inputShape());
            }
        }
        GanTrainerProvider engine = Engines.provider();
        String key = ClassifierCache.key(engine.name(), spec, training, loaded.training());
        Path beside = data.fileBesideData();
        Path shared = ClassifierCache.fileIn(cacheDirectory, key);
        ClassifierCache.Entry entry = null;
        Path file = null;
        for (Path candidate : new Path[] {beside, shared}) {
            if (candidate != null && entry == null) {
                entry = ClassifierCache.read(candidate, key);
                file = candidate;
            }
        }
        boolean fromCache = entry != null;
        if (!fromCache) {
            entry = train(engine, key, loaded.training());
            file = write(entry, beside, shared);
        }
        Classification heldOut = engine.classify(spec, entry.weights(), loaded.heldOut());
        int correct = 0;
        for (int i = 0; i < heldOut.count(); i++) {
            if (heldOut.predicted(i) == loaded.heldOut().label(i)) {
                correct++;
            }
        }
        FrechetDistance distance = new FrechetDistance(entry.reference());
        SampleQuality ceiling = SampleScores.score(
                heldOut.rows(choose(heldOut.count())), distance, confidence, coverageThreshold());
        ClassifierSummary summary = new ClassifierSummary(spec.recipe(), spec.classes(), spec.featureSize(),
                entry.trainingImages(), heldOut.count(), (double) correct / heldOut.count(), entry.trainingSeconds(),
                fromCache, file);
        return new Prepared(engine, entry.weights(), distance, ceiling, summary);
    }

    private ClassifierCache.Entry train(GanTrainerProvider engine, String key, ImageDataset images) {
        long start = System.nanoTime();
        byte[] weights = engine.trainClassifier(spec, training, images);
        double seconds = (System.nanoTime() - start) / 1e9;
        Classification features = engine.classify(spec, weights, images);
        FeatureStatistics reference = FeatureStatistics.of(features.featureArray(), features.count(),
                features.featureSize());
        return new ClassifierCache.Entry(key, weights, reference, images.size(), seconds);
    }

    /** Writes beside the data if possible, else to the shared directory; returns where, or null. */
    private static Path write(ClassifierCache.Entry entry, Path beside, Path shared) {
        for (Path file : new Path[] {beside, shared}) {
            if (file != null) {
                try {
                    ClassifierCache.write(file, entry);
                    return file;
                } catch (IOException e) {
                    // Read-only data directory or cache: try the next place; without any, the metric
                    // still works and trains again next time.
                }
            }
        }
        return null;
    }

    /** A seeded choice of {@code min(samples, available)} held-out images for the ceiling. */
    private int[] choose(int available) {
        int[] order = new int[available];
        for (int i = 0; i < available; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        int n = Math.min(samples, available);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(available - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] chosen = new int[n];
        System.arraycopy(order, 0, chosen, 0, n);
        return chosen;
    }

    /** The default cache directory: {@code $XDG_CACHE_HOME/gan4j}, else {@code ~/.cache/gan4j}. */
    static Path defaultCacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "gan4j");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "gan4j");
    }

    /** Builds a {@link QualityMetric}; each setter rejects an impossible value at once. */
    public static final class Builder {
        private final QualityData data;
        private int every = 5;
        private int samples = DEFAULT_SAMPLES;
        private long seed = 1;
        private double confidence = DEFAULT_CONFIDENCE;
        private double coverageFraction = 0.5;
        private Path cacheDirectory = defaultCacheDirectory();
        private ClassifierSpec spec = ClassifierSpec.mnist();
        private ClassifierTraining training = ClassifierTraining.mnist();

        private Builder(QualityData data) {
            this.data = data;
        }

        /**
         * Sets how many epochs apart reports are made during training; one is always made after the
         * last epoch. Default 5.
         *
         * @param epochs the epochs between two measurements, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code epochs < 1}
         */
        public Builder every(int epochs) {
            if (epochs < 1) {
                throw new IllegalArgumentException("every must be >= 1 epoch, got " + epochs);
            }
            this.every = epochs;
            return this;
        }

        /**
         * Sets the number of generated images scored, and of held-out real images in the ceiling (all
         * of them if there are fewer). Default 1,000, as TF-GAN's MNIST evaluation; the Fréchet distance
         * shrinks as the count grows, so compare figures of equal counts only.
         *
         * @param samples the number of images scored
         * @return this builder
         * @throws IllegalArgumentException if not in [2, 1000000]
         */
        public Builder samples(int samples) {
            if (samples < 2 || samples > 1_000_000) {
                throw new IllegalArgumentException("samples must be in [2, 1000000], got " + samples);
            }
            this.samples = samples;
            return this;
        }

        /**
         * Sets the seed of the generated images' latents and of the ceiling's images. Default 1.
         *
         * @param seed the seed of the latents the scored images are drawn from
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the probability the most probable class needs for an image to count as recognisable.
         * Default 0.9.
         *
         * @param confidence the probability a prediction needs for the image to count as recognisable
         * @return this builder
         * @throws IllegalArgumentException if not in (0, 1]
         */
        public Builder confidence(double confidence) {
            if (!(confidence > 0 && confidence <= 1)) {
                throw new IllegalArgumentException("confidence must be in (0, 1], got " + confidence);
            }
            this.confidence = confidence;
            return this;
        }

        /**
         * Sets the share of images a class needs to count as covered, as a fraction of the even share
         * {@code 1 / classes}. Default 0.5: a digit class is covered when at least 5% of the images are
         * classified as it.
         *
         * @param fraction the share of images a class needs to count as covered, as a fraction of the even
         *     share {@code 1 / classes}
         * @return this builder
         * @throws IllegalArgumentException if not in [0, 1]
         */
        public Builder coverageFraction(double fraction) {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("coverageFraction must be in [0, 1], got " + fraction);
            }
            this.coverageFraction = fraction;
            return this;
        }

        /**
         * Sets the directory of cache files that do not sit beside the data: for the bundled digits, for
         * data given as data sets, and for IDX directories that are not writable. Created when first
         * written. Default {@code $XDG_CACHE_HOME/gan4j}, else {@code ~/.cache/gan4j}.
         *
         * @param dir the directory of cache files that do not sit beside the data
         * @return this builder
         * @throws IllegalArgumentException if {@code dir} is null
         */
        public Builder cacheDirectory(Path dir) {
            if (dir == null) {
                throw new IllegalArgumentException("cacheDirectory must not be null");
            }
            this.cacheDirectory = dir;
            return this;
        }

        /**
         * Sets the classifier and how it is trained. Default {@link ClassifierSpec#mnist()} and {@link
         * ClassifierTraining#mnist()}.
         *
         * @param spec the classifier's architecture
         * @param training how the classifier is trained
         * @return this builder
         * @throws IllegalArgumentException if either is null
         */
        public Builder classifier(ClassifierSpec spec, ClassifierTraining training) {
            if (spec == null) {
                throw new IllegalArgumentException("classifier spec must not be null");
            }
            if (training == null) {
                throw new IllegalArgumentException("classifier training must not be null");
            }
            this.spec = spec;
            this.training = training;
            return this;
        }

        /**
         * Returns the metric; nothing is read or trained until it is first used.
         *
         * @return the metric; nothing is read or trained until it is first used
         * @throws IllegalArgumentException if the images, where their shape is known before reading
         *     them, do not fit the classifier's input
         */
        public QualityMetric build() {
            TensorShape shape = data.knownShape();
            if (shape != null && !shape.equals(spec.inputShape())) {
                throw new IllegalArgumentException("images of shape " + shape + " in " + data.describe()
                        + " do not fit the classifier, which takes " + spec.inputShape()
                        + "; set a classifier for them with classifier(spec, training)");
            }
            return new QualityMetric(this);
        }
    }
}
