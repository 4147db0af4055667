package dev.gan4j.spi;

import dev.gan4j.train.GanTrainer;
import dev.gan4j.train.TrainedGan;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds the one engine on the class path, or the one named by {@code -Dgan4j.engine}: what {@link
 * GanTrainer#builder()}, {@link TrainedGan#load} and {@link dev.gan4j.quality.QualityMetric} use.
 */
public final class Engines {

    static final String ENGINE_PROPERTY = "gan4j.engine";

    private Engines() {}

    /**
     * Returns the engine: the only {@link GanTrainerProvider} that {@link ServiceLoader} finds, or the
     * one named by the system property {@code gan4j.engine}.
     *
     * @return the engine: the only {@link GanTrainerProvider} that {@link ServiceLoader} finds, or the one
     *     named by the system property {@code gan4j.engine}
     * @throws IllegalStateException if there is none, the property names none of them, or there are
     *     several and the property is not set
     */
    public static GanTrainerProvider provider() {
        List<GanTrainerProvider> found = new ArrayList<>();
        ServiceLoader.load(GanTrainerProvider.class).forEach(found::add);
        return choose(found, System.getProperty(ENGINE_PROPERTY));
    }

    static GanTrainerProvider choose(List<GanTrainerProvider> found, String wanted) {
        if (found.isEmpty()) {
            throw new IllegalStateException(
                    "no gan4j engine on the class path: add the dependency dev.gan4j:gan-djl (and the"
                            + " PyTorch natives, e.g. ai.djl.pytorch:pytorch-native-cpu), see README");
        }
        String names = found.stream().map(GanTrainerProvider::name).collect(Collectors.joining(", "));
        if (wanted != null && !wanted.isBlank()) {
            return found.stream()
                    .filter(p -> p.name().equals(wanted))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "-D" + ENGINE_PROPERTY + "=" + wanted + " names no engine on the class path;"
                                    + " found: " + names));
        }
        if (found.size() > 1) {
            throw new IllegalStateException(
                    "several gan4j engines on the class path (" + names + "); choose one with -D"
                            + ENGINE_PROPERTY + "=NAME");
        }
        return found.get(0);
    }
}
