package dev.gan4j.internal.checkpoint;

import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.GeneratorSpec;
import dev.gan4j.train.Adam;
import dev.gan4j.train.Augmentation;
import dev.gan4j.train.ComputeDevice;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.GanLoss;
import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.GradientPenalty;
import dev.gan4j.train.InstanceNoise;
import dev.gan4j.train.LabelSmoothing;
import dev.gan4j.train.LearningRateSchedule;
import dev.gan4j.train.Optimizer;
import java.util.Properties;

/**
 * A run's settings as properties in a checkpoint, and back into a {@link GanTrainer.Builder} (so that
 * settings added to the builder later start from their defaults). Floats and doubles are written with
 * {@code toString}, which round-trips exactly. Listeners are not saved.
 */
final class CheckpointSettings {

    private CheckpointSettings() {}

    static void write(GanConfig config, Properties props) {
        props.setProperty("seed", Long.toString(config.seed()));
        props.setProperty("batchSize", Integer.toString(config.batchSize()));
        props.setProperty("epochs", Integer.toString(config.epochs()));
        props.setProperty("stepsPerEpoch", Integer.toString(config.stepsPerEpoch()));
        props.setProperty("discriminatorSteps", Integer.toString(config.discriminatorSteps()));
        props.setProperty("generatorEma", Double.toString(config.generatorEma()));
        props.setProperty("logEvery", Integer.toString(config.logEvery()));
        props.setProperty("device", config.device().toString());
        props.setProperty("loss", config.loss().name());
        if (config.loss() instanceof GanLoss.Wasserstein) {
            props.setProperty("loss.clip", Double.toString(((GanLoss.Wasserstein) config.loss()).clip()));
        }
        LabelSmoothing smoothing = config.labelSmoothing();
        props.setProperty("labelSmoothing", smoothing.getClass().getSimpleName());
        props.setProperty("labelSmoothing.real", Float.toString(smoothing.realTarget()));
        props.setProperty("labelSmoothing.fake", Float.toString(smoothing.fakeTarget()));
        writeOptimizer("generatorOptimizer", config.generatorOptimizer(), props);
        writeOptimizer("discriminatorOptimizer", config.discriminatorOptimizer(), props);
        props.setProperty("gradientPenalty", config.gradientPenalty().name());
        props.setProperty("gradientPenalty.weight", Double.toString(config.gradientPenalty().weight()));
        props.setProperty("gradientPenalty.every", Integer.toString(config.gradientPenalty().every()));
        props.setProperty("checkpointEvery", Integer.toString(config.checkpoints().everySteps()));
        props.setProperty("keepCheckpoints", Integer.toString(config.checkpoints().keep()));
        props.setProperty("augmentation", config.augmentation().policyText());
        props.setProperty("augmentation.probability", Double.toString(config.augmentation().probability()));
        config.augmentation().adaptation().ifPresent(a -> {
            props.setProperty("augmentation.adaptive.target", Double.toString(a.target()));
            props.setProperty("augmentation.adaptive.interval", Integer.toString(a.interval()));
            props.setProperty("augmentation.adaptive.speedImages", Long.toString(a.speedImages()));
        });
        props.setProperty("instanceNoise.sigma", Double.toString(config.instanceNoise().sigma()));
        props.setProperty("labelFlips", Double.toString(config.labelFlips()));
    }

    /**
     * Returns a builder holding the saved settings, without listeners or checkpoint directory.
     *
     * @throws IllegalArgumentException naming a missing or unreadable setting
     */
    static GanTrainer.Builder read(Properties props, GeneratorSpec generator, DiscriminatorSpec discriminator) {
        return GanTrainer.builder()
                .generator(generator)
                .discriminator(discriminator)
                .seed(longValue(props, "seed"))
                .batchSize(intValue(props, "batchSize"))
                .epochs(intValue(props, "epochs"))
                .stepsPerEpoch(intValue(props, "stepsPerEpoch"))
                .discriminatorSteps(intValue(props, "discriminatorSteps"))
                .generatorEma(doubleValue(props, "generatorEma"))
                .logEvery(intValue(props, "logEvery"))
                .device(device(value(props, "device")))
                .loss(loss(props))
                .labelSmoothing(labelSmoothing(props))
                .generatorOptimizer(optimizer("generatorOptimizer", props))
                .discriminatorOptimizer(optimizer("discriminatorOptimizer", props))
                .gradientPenalty(gradientPenalty(props))
                .checkpointEvery(intValue(props, "checkpointEvery"))
                .keepCheckpoints(intValue(props, "keepCheckpoints"))
                .augmentation(augmentation(props))
                .instanceNoise(new InstanceNoise(optionalDouble(props, "instanceNoise.sigma")))
                .labelFlips(optionalDouble(props, "labelFlips"));
    }

    /** Checkpoints written before augmentation existed have none. */
    private static Augmentation augmentation(Properties props) {
        String policies = props.getProperty("augmentation", "none");
        double probability = props.containsKey("augmentation.probability")
                ? doubleValue(props, "augmentation.probability") : 1;
        if (policies.equals("none")) {
            return Augmentation.none().withProbability(probability);
        }
        Augmentation fixed = new Augmentation(Augmentation.Policy.parse(policies), probability);
        if (!props.containsKey("augmentation.adaptive.target")) {
            return fixed;
        }
        return fixed.adaptive(doubleValue(props, "augmentation.adaptive.target"),
                intValue(props, "augmentation.adaptive.interval"),
                longValue(props, "augmentation.adaptive.speedImages")).withProbability(probability);
    }

    /** A number that checkpoints written before its setting existed lack: 0, off. */
    private static double optionalDouble(Properties props, String key) {
        return props.containsKey(key) ? doubleValue(props, key) : 0;
    }

    private static void writeOptimizer(String key, Optimizer optimizer, Properties props) {
        Adam adam = (Adam) optimizer; // Optimizer is sealed: Adam is the only kind
        props.setProperty(key, "Adam");
        props.setProperty(key + ".learningRate", Double.toString(adam.learningRate()));
        props.setProperty(key + ".beta1", Double.toString(adam.beta1()));
        props.setProperty(key + ".beta2", Double.toString(adam.beta2()));
        props.setProperty(key + ".epsilon", Double.toString(adam.epsilon()));
        LearningRateSchedule schedule = adam.schedule();
        props.setProperty(key + ".schedule", schedule.name());
        props.setProperty(key + ".schedule.finalFraction", Double.toString(schedule.finalFraction()));
        props.setProperty(key + ".schedule.warmup", Integer.toString(schedule.warmup()));
    }

    private static Optimizer optimizer(String key, Properties props) {
        String kind = value(props, key);
        if (!kind.equals("Adam")) {
            throw new IllegalArgumentException(key + " is " + kind + "; this gan4j knows Adam");
        }
        return new Adam(doubleValue(props, key + ".learningRate"), doubleValue(props, key + ".beta1"),
                doubleValue(props, key + ".beta2"), doubleValue(props, key + ".epsilon"), schedule(key, props));
    }

    /** The schedule of an optimiser; checkpoints written before schedules existed have none: constant. */
    private static LearningRateSchedule schedule(String key, Properties props) {
        String name = props.getProperty(key + ".schedule", "constant");
        int warmup = props.containsKey(key + ".schedule.warmup") ? intValue(props, key + ".schedule.warmup") : 0;
        switch (name) {
            case "constant":
                return LearningRateSchedule.constant().withWarmup(warmup);
            case "linear":
                return LearningRateSchedule.linear(doubleValue(props, key + ".schedule.finalFraction")).withWarmup(warmup);
            case "cosine":
                return LearningRateSchedule.cosine(doubleValue(props, key + ".schedule.finalFraction")).withWarmup(warmup);
            default:
                throw new IllegalArgumentException(key + ".schedule is " + name + "; expected constant, linear or cosine");
        }
    }

    private static LabelSmoothing labelSmoothing(Properties props) {
        String kind = value(props, "labelSmoothing");
        switch (kind) {
            case "None":
                return LabelSmoothing.none();
            case "OneSided":
                return LabelSmoothing.oneSided(floatValue(props, "labelSmoothing.real"));
            case "TwoSided":
                return LabelSmoothing.twoSided(floatValue(props, "labelSmoothing.real"),
                        floatValue(props, "labelSmoothing.fake"));
            default:
                throw new IllegalArgumentException("labelSmoothing is " + kind + "; expected None, OneSided or TwoSided");
        }
    }

    private static GanLoss loss(Properties props) {
        GanLoss loss = GanLoss.ofName(value(props, "loss"));
        // The one loss with a parameter; the others are their names.
        return loss instanceof GanLoss.Wasserstein ? GanLoss.wasserstein(doubleValue(props, "loss.clip")) : loss;
    }

    /** The gradient penalty; checkpoints written before penalties existed have none. */
    private static GradientPenalty gradientPenalty(Properties props) {
        String name = props.getProperty("gradientPenalty", "none");
        if (name.equals("none")) {
            return GradientPenalty.none();
        }
        return GradientPenalty.of(name, doubleValue(props, "gradientPenalty.weight"),
                intValue(props, "gradientPenalty.every"));
    }

    private static ComputeDevice device(String text) {
        if (text.equals("auto")) {
            return ComputeDevice.auto();
        }
        if (text.equals("cpu")) {
            return ComputeDevice.cpu();
        }
        if (text.startsWith("gpu(") && text.endsWith(")")) {
            return ComputeDevice.gpu(Integer.parseInt(text.substring(4, text.length() - 1)));
        }
        throw new IllegalArgumentException("device is " + text + "; expected auto, cpu or gpu(N)");
    }

    static String value(Properties props, String key) {
        String v = props.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("setting " + key + " is missing");
        }
        return v;
    }

    static int intValue(Properties props, String key) {
        try {
            return Integer.parseInt(value(props, key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " is not a whole number: " + props.getProperty(key), e);
        }
    }

    static long longValue(Properties props, String key) {
        try {
            return Long.parseLong(value(props, key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " is not a whole number: " + props.getProperty(key), e);
        }
    }

    static double doubleValue(Properties props, String key) {
        try {
            return Double.parseDouble(value(props, key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " is not a number: " + props.getProperty(key), e);
        }
    }

    private static float floatValue(Properties props, String key) {
        try {
            return Float.parseFloat(value(props, key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " is not a number: " + props.getProperty(key), e);
        }
    }
}
