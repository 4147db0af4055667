package dev.gan4j.train;

import dev.gan4j.spec.DiscriminatorSpec;
import dev.gan4j.spec.SpecText;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a trained generator came from: enough to reproduce or audit it. One codec ({@link
 * #toProperties()}, {@link #fromProperties(Map)}) writes it into saved generators ({@code
 * provenance.properties}), checkpoints (under {@code provenance.}) and ONNX metadata (under {@code
 * gan4j.training.}), with the same keys everywhere.
 *
 * <p>Files written by gan4j 0.1.0 lack what this version added (their {@code provenance_version} is
 * 1): reading one gives {@code 0} for {@code stepsPerEpoch} and {@code discriminatorSteps}, {@code
 * NaN} for {@code generatorEma}, an empty {@code dataFingerprint}, {@code jvm}, {@code os} and {@code
 * runId}, and no discriminator.
 *
 * @param recipe the generator preset's name, or {@code custom}
 * @param seed the training seed
 * @param steps the generator updates made
 * @param epochs the epochs completed
 * @param batchSize the batch size
 * @param loss the loss with its parameters, as {@link GanLoss#describe()} gives it, followed by {@code " +
 *     "} and the gradient penalty's {@link GradientPenalty#describe()} when there is one, e.g. {@code
 *     wassersteinGp + wganGp(lambda=10.0)}
 * @param labelSmoothing the discriminator's real and fake targets, e.g. {@code 0.9/0.1}
 * @param generatorOptimizer the generator's optimiser and settings
 * @param discriminatorOptimizer the discriminator's optimiser and settings
 * @param datasetSize the number of real images trained on
 * @param engine the engine with its versions, e.g. {@code DJL 0.36.0 / PyTorch 2.7.1}
 * @param device the device trained on, e.g. {@code cpu()}
 * @param gan4jVersion the gan4j version
 * @param finishedAt when training ended (for a checkpoint: when it was written)
 * @param stepsPerEpoch the generator steps of each epoch
 * @param discriminatorSteps the discriminator updates per generator update
 * @param generatorEma the decay of the generator's moving average, 0 without one
 * @param dataFingerprint a checksum of the training images as the engine read them, e.g. {@code
 *     crc32c:1a2b3c4d}: equal for the same images in the same order
 * @param discriminator the discriminator's spec
 * @param jvm the Java runtime, e.g. {@code 17.0.15+6-Debian-1deb12u1 (OpenJDK 64-Bit Server VM)}
 * @param os the operating system, e.g. {@code Linux 6.1.0 amd64}
 * @param runId the run's identifier (a random UUID drawn when a new run starts), the same in every
 *     checkpoint of the run, resumed or not, and in the generator it trains: a checkpoint directory
 *     belongs to one run
 * @param augmentation the augmentation of the discriminator's inputs, as {@link Augmentation#describe()}
 *     gives it, e.g. {@code diffAugment(color,translation,cutout)}; {@code none} in files written before
 *     it was recorded
 * @param instanceNoise the instance noise, as {@link InstanceNoise#describe()} gives it; {@code none} in
 *     files written before it was recorded
 * @param labelFlips the probability of flipping a discriminator target; 0 in files written before it was
 *     recorded
 */
public record Provenance(
        String recipe,
        long seed,
        long steps,
        int epochs,
        int batchSize,
        String loss,
        String labelSmoothing,
        String generatorOptimizer,
        String discriminatorOptimizer,
        int datasetSize,
        String engine,
        String device,
        String gan4jVersion,
        Instant finishedAt,
        int stepsPerEpoch,
        int discriminatorSteps,
        double generatorEma,
        String dataFingerprint,
        Optional<DiscriminatorSpec> discriminator,
        String jvm,
        String os,
        String runId,
        String augmentation,
        String instanceNoise,
        double labelFlips) {

    /**
     * The version of the property form {@link #toProperties()} writes: 2 since gan4j 0.2; files of
     * gan4j 0.1.0 held version 1, with other keys (see {@link dev.gan4j.train.TrainedGan#load}).
     */
    public static final int PROPERTIES_VERSION = 2;

    /**
     * @param recipe the generator preset's name, or {@code custom}
     * @param seed the training seed
     * @param steps the generator updates made
     * @param epochs the epochs completed
     * @param batchSize the batch size
     * @param loss the loss with its parameters, as {@link GanLoss#describe()} gives it, followed by {@code "
     *     + "} and the gradient penalty's {@link GradientPenalty#describe()} when there is one, e.g. {@code
     *     wassersteinGp + wganGp(lambda=10.0)}
     * @param labelSmoothing the discriminator's real and fake targets, e.g. {@code 0.9/0.1}
     * @param generatorOptimizer the generator's optimiser and settings
     * @param discriminatorOptimizer the discriminator's optimiser and settings
     * @param datasetSize the number of real images trained on
     * @param engine the engine with its versions, e.g. {@code DJL 0.36.0 / PyTorch 2.7.1}
     * @param device the device trained on, e.g. {@code cpu()}
     * @param gan4jVersion the gan4j version
     * @param finishedAt when training ended (for a checkpoint: when it was written)
     * @param stepsPerEpoch the generator steps of each epoch
     * @param discriminatorSteps the discriminator updates per generator update
     * @param generatorEma the decay of the generator's moving average, 0 without one
     * @param dataFingerprint a checksum of the training images as the engine read them, e.g. {@code
     *     crc32c:1a2b3c4d}: equal for the same images in the same order
     * @param discriminator the discriminator's spec
     * @param jvm the Java runtime, e.g. {@code 17.0.15+6-Debian-1deb12u1 (OpenJDK 64-Bit Server VM)}
     * @param os the operating system, e.g. {@code Linux 6.1.0 amd64}
     * @param runId the run's identifier (a random UUID drawn when a new run starts), the same in every
     *     checkpoint of the run, resumed or not, and in the generator it trains: a checkpoint directory belongs
     *     to one run
     * @param augmentation the augmentation of the discriminator's inputs, as {@link Augmentation#describe()}
     *     gives it, e.g. {@code diffAugment(color,translation,cutout)}; {@code none} in files written before it
     *     was recorded
     * @param instanceNoise the instance noise, as {@link InstanceNoise#describe()} gives it; {@code none} in
     *     files written before it was recorded
     * @param labelFlips the probability of flipping a discriminator target; 0 in files written before it was
     *     recorded
     * @throws NullPointerException if a text, the time or the discriminator option is null
     */
    public Provenance {
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(labelSmoothing, "labelSmoothing");
        Objects.requireNonNull(generatorOptimizer, "generatorOptimizer");
        Objects.requireNonNull(discriminatorOptimizer, "discriminatorOptimizer");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(gan4jVersion, "gan4jVersion");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(dataFingerprint, "dataFingerprint");
        Objects.requireNonNull(discriminator, "discriminator");
        Objects.requireNonNull(jvm, "jvm");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(augmentation, "augmentation");
        Objects.requireNonNull(instanceNoise, "instanceNoise");
    }

    /**
     * Returns the provenance of a run of {@code config} on {@code engine} and {@code device} after
     * {@code steps} generator steps, with this JVM and operating system; its {@link #epochs()} are
     * those {@code steps} complete.
     *
     * @param dataFingerprint the CRC-32C of the training images, as {@link #dataFingerprint()} shows it
     * @param runId the run's identifier, see {@link #runId()}
     * @param config the run's settings
     * @param steps the generator updates made
     * @param stepsPerEpoch the generator steps of each epoch
     * @param datasetSize the number of real images trained on
     * @param engine the engine with its versions, e.g. {@code DJL 0.36.0 / PyTorch 2.7.1}
     * @param device the device trained on, e.g. {@code cpu()}
     * @param gan4jVersion the gan4j version
     * @param at when training ended (for a checkpoint: when it was written)
     * @return the provenance of a run of {@code config} on {@code engine} and {@code device} after {@code
     *     steps} generator steps, with this JVM and operating system; its {@link #epochs()} are those {@code
     *     steps} complete
     */
    public static Provenance of(GanConfig config, long steps, int stepsPerEpoch, int datasetSize,
            long dataFingerprint, String engine, String device, String gan4jVersion, Instant at, String runId) {
        return new Provenance(
                config.generator().recipe(),
                config.seed(),
                steps,
                // Completed, not planned: fewer for a checkpoint or a run a listener stopped early.
                stepsPerEpoch > 0 ? (int) (steps / stepsPerEpoch) : config.epochs(),
                config.batchSize(),
                !config.gradientPenalty().isOn() ? config.loss().describe()
                        : config.loss().describe() + " + " + config.gradientPenalty().describe(),
                config.labelSmoothing().realTarget() + "/" + config.labelSmoothing().fakeTarget(),
                config.generatorOptimizer().describe(),
                config.discriminatorOptimizer().describe(),
                datasetSize,
                engine,
                device,
                gan4jVersion,
                at,
                stepsPerEpoch,
                config.discriminatorSteps(),
                config.generatorEma(),
                String.format(Locale.ROOT, "crc32c:%08x", dataFingerprint),
                Optional.of(config.discriminator()),
                System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                runId,
                config.augmentation().describe(),
                config.instanceNoise().describe(),
                config.labelFlips());
    }

    /**
     * Returns every field as text under its key, in a fixed order, with {@code provenance_version}
     * first: the one form saved generators, checkpoints and ONNX metadata hold. Floats are written so
     * that they read back exactly; the discriminator as its {@link SpecText} (several lines).
     *
     * @return every field as text under its key, in a fixed order, with {@code provenance_version} first: the
     *     one form saved generators, checkpoints and ONNX metadata hold
     */
    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("provenance_version", Integer.toString(PROPERTIES_VERSION));
        p.put("run_id", runId);
        p.put("recipe", recipe);
        p.put("seed", Long.toString(seed));
        p.put("steps", Long.toString(steps));
        p.put("epochs", Integer.toString(epochs));
        p.put("steps_per_epoch", Integer.toString(stepsPerEpoch));
        p.put("batch_size", Integer.toString(batchSize));
        p.put("discriminator_steps", Integer.toString(discriminatorSteps));
        p.put("generator_ema", Double.toString(generatorEma));
        p.put("loss", loss);
        p.put("label_smoothing", labelSmoothing);
        p.put("generator_optimizer", generatorOptimizer);
        p.put("discriminator_optimizer", discriminatorOptimizer);
        p.put("dataset_size", Integer.toString(datasetSize));
        p.put("data_fingerprint", dataFingerprint);
        discriminator.ifPresent(d -> p.put("discriminator_spec", SpecText.write(d)));
        p.put("engine", engine);
        p.put("device", device);
        p.put("gan4j_version", gan4jVersion);
        p.put("jvm", jvm);
        p.put("os", os);
        p.put("finished_at", finishedAt.toString());
        p.put("augmentation", augmentation);
        p.put("instance_noise", instanceNoise);
        p.put("label_flips", Double.toString(labelFlips));
        return Collections.unmodifiableMap(p);
    }

    /**
     * Reads what {@link #toProperties()} wrote; other keys are ignored.
     *
     * @param p the properties
     * @return the provenance read
     * @throws IllegalArgumentException naming the key that is missing, or unreadable or out of range
     *     with its value, or the version if it is not {@value #PROPERTIES_VERSION}
     */
    public static Provenance fromProperties(Map<String, String> p) {
        String version = p.get("provenance_version");
        if (!Integer.toString(PROPERTIES_VERSION).equals(version)) {
            throw new IllegalArgumentException("provenance_version is " + version + "; this gan4j reads "
                    + PROPERTIES_VERSION);
        }
        String spec = p.get("discriminator_spec");
        Optional<DiscriminatorSpec> discriminator;
        try {
            discriminator = spec == null ? Optional.empty() : Optional.of(SpecText.readDiscriminator(spec));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("discriminator_spec is not a discriminator spec: " + e.getMessage(), e);
        }
        return new Provenance(
                text(p, "recipe"),
                number(p, "seed"),
                number(p, "steps"),
                integer(p, "epochs"),
                integer(p, "batch_size"),
                text(p, "loss"),
                text(p, "label_smoothing"),
                text(p, "generator_optimizer"),
                text(p, "discriminator_optimizer"),
                integer(p, "dataset_size"),
                text(p, "engine"),
                text(p, "device"),
                text(p, "gan4j_version"),
                instant(p, "finished_at"),
                integer(p, "steps_per_epoch"),
                integer(p, "discriminator_steps"),
                decimal(p, "generator_ema"),
                text(p, "data_fingerprint"),
                discriminator,
                text(p, "jvm"),
                text(p, "os"),
                text(p, "run_id"),
                // Absent from files written before these settings existed: they were off.
                p.getOrDefault("augmentation", "none"),
                p.getOrDefault("instance_noise", "none"),
                p.containsKey("label_flips") ? decimal(p, "label_flips") : 0);
    }

    private static String text(Map<String, String> p, String key) {
        String value = p.get(key);
        if (value == null) {
            throw new IllegalArgumentException("provenance lacks " + key);
        }
        return value;
    }

    private static long number(Map<String, String> p, String key) {
        try {
            return Long.parseLong(text(p, key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("provenance " + key + " is not a whole number: " + p.get(key), e);
        }
    }

    private static int integer(Map<String, String> p, String key) {
        long value = number(p, key);
        if (value != (int) value) {
            throw new IllegalArgumentException("provenance " + key + " is " + value + ", outside an int's range "
                    + Integer.MIN_VALUE + ".." + Integer.MAX_VALUE);
        }
        return (int) value;
    }

    private static double decimal(Map<String, String> p, String key) {
        try {
            return Double.parseDouble(text(p, key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("provenance " + key + " is not a number: " + p.get(key), e);
        }
    }

    private static Instant instant(Map<String, String> p, String key) {
        try {
            return Instant.parse(text(p, key));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("provenance " + key + " is not an ISO-8601 instant: " + p.get(key), e);
        }
    }
}
