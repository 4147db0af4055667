/**
 * The engine contract: what an engine module implements so that gan4j can train on it, and the
 * engine-neutral training loop that drives it. Users do not need this package.
 *
 * <p>An engine provides a {@link dev.gan4j.spi.GanTrainerProvider}, registered in {@code
 * META-INF/services/dev.gan4j.spi.GanTrainerProvider} and found by {@link dev.gan4j.spi.Engines}
 * (the only one on the class path, or the one {@code -Dgan4j.engine} names). Its
 * {@link dev.gan4j.spi.GanTrainerProvider#open open} returns a {@link dev.gan4j.spi.TrainingSession}
 * per run: the narrow per-step interface that {@link dev.gan4j.spi.TrainingLoop} drives. The loop owns
 * what every engine would otherwise repeat (epochs, the seed of each step, listener calls, health,
 * checkpoint timing and files, resumption, provenance); the session owns the networks, the
 * optimisers, the data on the device and the native memory. Between the two, state travels in host
 * memory as engine-free values: {@link dev.gan4j.spi.HostTensor}, {@link dev.gan4j.spi.OptimizerState},
 * {@link dev.gan4j.spi.SessionState}, {@link dev.gan4j.spi.StepMeasurement} and
 * {@link dev.gan4j.spi.StepPhases}. The checkpoint writer and the health check the loop uses are
 * package-private.
 *
 * <p>Like the rest of gan-api, nothing here names a backend type.
 */
package dev.gan4j.spi;
