/**
 * The checkpoint file format and its handling: one checkpoint file (a zip of the settings, both
 * specs, the networks' parameters, the optimisers' state and a checksum manifest), the directory of a
 * run's checkpoints, the settings as properties and back into a builder, the state a run needs to
 * continue, and the checks a resumed run makes against its checkpoint. {@code docs/checkpoints.md}
 * describes the format.
 *
 * <p>Not API: public only so that the training loop in {@link dev.gan4j.spi} can call it (and engine
 * modules' tests can read the files it writes); it may change without notice. Users write and resume
 * checkpoints through {@link dev.gan4j.train.GanTrainer.Builder#checkpointDir} and
 * {@link dev.gan4j.train.GanTrainer#resume}.
 */
package dev.gan4j.internal.checkpoint;
