package dev.gan4j.quality;

/**
 * What a classifier said of a set of images: for each image its class probabilities (the softmax of
 * the logits) and its feature vector (the input of the classifier's last layer). Made by engines;
 * read-only.
 */
public final class Classification {

    private final int count;
    private final int classes;
    private final int featureSize;
    private final float[] probabilities;
    private final float[] features;

    private Classification(int count, int classes, int featureSize, float[] probabilities, float[] features) {
        this.count = count;
        this.classes = classes;
        this.featureSize = featureSize;
        this.probabilities = probabilities;
        this.features = features;
    }

    /**
     * Takes ownership of the arrays, which the caller must not change afterwards (they can be large:
     * they are not copied).
     *
     * @param classes the number of classes, at least 2
     * @param probabilities {@code count * classes} values, image after image
     * @param featureSize the size of one feature vector, at least 1
     * @param features {@code count * featureSize} values, image after image
     * @return the classification over the given arrays
     * @throws IllegalArgumentException if a size is impossible or the arrays disagree on the count
     */
    public static Classification of(int classes, float[] probabilities, int featureSize, float[] features) {
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be >= 2, got " + classes);
        }
        if (featureSize < 1) {
            throw new IllegalArgumentException("featureSize must be >= 1, got " + featureSize);
        }
        if (probabilities.length == 0 || probabilities.length % classes != 0) {
            throw new IllegalArgumentException("probabilities has " + probabilities.length
                    + " values; it must be a positive multiple of classes " + classes);
        }
        int count = probabilities.length / classes;
        if ((long) count * featureSize != features.length) {
            throw new IllegalArgumentException("features has " + features.length + " values; " + count
                    + " images of " + featureSize + " features need " + (long) count * featureSize);
        }
        return new Classification(count, classes, featureSize, probabilities, features);
    }

    /**
     * Returns the number of images.
     *
     * @return the number of images
     */
    public int count() {
        return count;
    }

    /**
     * Returns the number of classes.
     *
     * @return the number of classes
     */
    public int classes() {
        return classes;
    }

    /**
     * Returns the size of one feature vector.
     *
     * @return the size of one feature vector
     */
    public int featureSize() {
        return featureSize;
    }

    /**
     * Returns the probability that image {@code image} is of class {@code c}.
     *
     * @param image the image, from 0
     * @param c the class, from 0
     * @return the probability that image {@code image} is of class {@code c}
     */
    public float probability(int image, int c) {
        return probabilities[image * classes + c];
    }

    /**
     * Returns feature {@code f} of image {@code image}.
     *
     * @param image the image, from 0
     * @param f the feature, from 0
     * @return feature {@code f} of image {@code image}
     */
    public float feature(int image, int f) {
        return features[image * featureSize + f];
    }

    /**
     * Returns the most probable class of image {@code image} (the first, on a tie).
     *
     * @param image the image, from 0
     * @return the most probable class of image {@code image} (the first, on a tie)
     */
    public int predicted(int image) {
        int best = 0;
        int base = image * classes;
        for (int c = 1; c < classes; c++) {
            if (probabilities[base + c] > probabilities[base + best]) {
                best = c;
            }
        }
        return best;
    }

    /** Returns the images {@code indices}, in that order, as a classification of their own. */
    Classification rows(int[] indices) {
        float[] p = new float[indices.length * classes];
        float[] f = new float[indices.length * featureSize];
        for (int r = 0; r < indices.length; r++) {
            System.arraycopy(probabilities, indices[r] * classes, p, r * classes, classes);
            System.arraycopy(features, indices[r] * featureSize, f, r * featureSize, featureSize);
        }
        return new Classification(indices.length, classes, featureSize, p, f);
    }

    /** The arrays themselves, for the metrics in this package. */
    float[] probabilityArray() {
        return probabilities;
    }

    float[] featureArray() {
        return features;
    }
}
