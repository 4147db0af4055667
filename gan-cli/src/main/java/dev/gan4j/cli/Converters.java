package dev.gan4j.cli;

import dev.gan4j.train.Augmentation;
import dev.gan4j.train.ComputeDevice;
import dev.gan4j.train.GanLoss;
import dev.gan4j.train.GradientPenalty;
import dev.gan4j.train.InstanceNoise;
import dev.gan4j.train.LearningRateSchedule;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The options' values, parsed by gan4j's own factories: a bad value is a usage error with gan4j's
 * message, which names the parameter, the value and what is valid (picocli prefixes the option).
 */
final class Converters {

    private Converters() {}

    /** Runs {@code parse}, turning its {@link IllegalArgumentException} into picocli's usage error. */
    private static <T> T gan4j(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** {@link GanLoss#ofName}. */
    static final class Loss implements ITypeConverter<GanLoss> {
        @Override
        public GanLoss convert(String value) {
            return gan4j(() -> GanLoss.ofName(value));
        }
    }

    /** The loss names, for the help and shell completion. */
    static final class LossNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return GanLoss.NAMES.iterator();
        }
    }

    /** {@code dcgan} or {@code keras}. */
    static final class RecipeName implements ITypeConverter<Recipe> {
        @Override
        public Recipe convert(String value) {
            return gan4j(() -> Recipe.of(value));
        }
    }

    /** The recipe names, for the help and shell completion. */
    static final class RecipeNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("dcgan", "keras").iterator();
        }
    }

    /** DiffAugment's policies, comma-separated: {@link Augmentation.Policy#parse}. */
    static final class Augment implements ITypeConverter<Augmentation> {
        @Override
        public Augmentation convert(String value) {
            return gan4j(() -> new Augmentation(Augmentation.Policy.parse(value), 1));
        }
    }

    /** {@link InstanceNoise#annealed} from SIGMA. */
    static final class Noise implements ITypeConverter<InstanceNoise> {
        @Override
        public InstanceNoise convert(String value) {
            return gan4j(() -> InstanceNoise.annealed(Double.parseDouble(value)));
        }
    }

    /** {@code NAME:WEIGHT[:EVERY]}, e.g. {@code r1:10:16}: {@link GradientPenalty#of}. */
    static final class Penalty implements ITypeConverter<GradientPenalty> {
        @Override
        public GradientPenalty convert(String value) {
            return gan4j(() -> penalty(value));
        }
    }

    /** Parses {@code NAME:WEIGHT[:EVERY]}, e.g. {@code r1:10:16}. */
    static GradientPenalty penalty(String value) {
        String[] parts = value.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException(
                    "--penalty must be NAME:WEIGHT or NAME:WEIGHT:EVERY (e.g. r1:10 or r1:10:16), got " + value);
        }
        return GradientPenalty.of(parts[0], Double.parseDouble(parts[1]),
                parts.length == 3 ? Integer.parseInt(parts[2]) : 1);
    }

    /** {@code constant}, {@code linear} or {@code cosine}: decaying to 0 over the run. */
    static final class Schedule implements ITypeConverter<LearningRateSchedule> {
        @Override
        public LearningRateSchedule convert(String value) {
            switch (value) {
                case "constant":
                    return LearningRateSchedule.constant();
                case "linear":
                    return LearningRateSchedule.linear(0);
                case "cosine":
                    return LearningRateSchedule.cosine(0);
                default:
                    throw new TypeConversionException("learning-rate schedule must be constant, linear or cosine, got "
                            + value);
            }
        }
    }

    /** {@code auto}, {@code cpu} or {@code gpu} / {@code gpu:N}. */
    static final class Device implements ITypeConverter<ComputeDevice> {
        @Override
        public ComputeDevice convert(String value) {
            if (value.equals("auto")) {
                return ComputeDevice.auto();
            }
            if (value.equals("cpu")) {
                return ComputeDevice.cpu();
            }
            if (value.equals("gpu")) {
                return ComputeDevice.gpu(0);
            }
            if (value.startsWith("gpu:")) {
                return gan4j(() -> ComputeDevice.gpu(Integer.parseInt(value.substring(4))));
            }
            throw new TypeConversionException("device must be auto, cpu, gpu or gpu:N, got " + value);
        }
    }

    /** An integer of at least 1. */
    static final class Positive implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = integer(value);
            if (n < 1) {
                throw new TypeConversionException("must be >= 1, got " + value);
            }
            return n;
        }
    }

    /** An integer of at least 0, where 0 turns something off. */
    static final class ZeroOrMore implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = integer(value);
            if (n < 0) {
                throw new TypeConversionException("must be >= 0 (0 = off), got " + value);
            }
            return n;
        }
    }

    /** A probability of flipping a label, in [0, 0.5). */
    static final class FlipProbability implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double p;
            try {
                p = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number");
            }
            if (!(p >= 0 && p < 0.5)) {
                throw new TypeConversionException("must be in [0, 0.5), got " + value);
            }
            return p;
        }
    }

    private static int integer(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not an int");
        }
    }
}
