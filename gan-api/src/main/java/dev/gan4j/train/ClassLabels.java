package dev.gan4j.train;

import dev.gan4j.spec.GeneratorSpec;

/** The class labels a conditional {@link Generator} is asked for: balanced draws and their checks. */
public final class ClassLabels {

    private ClassLabels() {}

    /**
     * Returns {@code count} labels cycling through the classes, {@code i % classes}: every class gets
     * its share, within one, in order {@code 0, 1, ..., classes - 1, 0, 1, ...}. What {@link
     * Generator#generate(int, long)} draws for a conditional generator.
     *
     * @param count how many labels
     * @param classes the number of classes, at least 2
     * @return {@code count} labels cycling through the classes, {@code i % classes}
     * @throws IllegalArgumentException if {@code count < 1} or {@code classes < 2}
     */
    public static int[] balanced(int count, int classes) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be >= 2, got " + classes);
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % classes;
        }
        return labels;
    }

    /**
     * Checks that {@code spec} is conditional and every label is one of its classes.
     *
     * @param spec the generator's spec
     * @param labels the class label of each image, in [0, classes)
     * @throws IllegalArgumentException if {@code labels} is null or empty, the generator is
     *     unconditional, or a label is outside {@code [0, classes)}, naming its index and value
     */
    public static void check(GeneratorSpec spec, int[] labels) {
        if (labels == null || labels.length == 0) {
            throw new IllegalArgumentException("labels must hold at least one label, got "
                    + (labels == null ? "null" : "an empty array"));
        }
        int classes = spec.classes();
        if (classes == 0) {
            throw new IllegalArgumentException("this generator is unconditional: it takes no labels; build it"
                    + " with conditional(classes) (for example GeneratorSpec.dcgan().conditional(10)) to draw by"
                    + " class, or call generate(count, seed)");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("labels[" + i + "] is " + labels[i] + "; this generator draws"
                        + " classes 0 to " + (classes - 1));
            }
        }
    }
}
