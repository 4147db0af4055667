/**
 * Training health: what can go wrong in a GAN's training that its losses alone do not show
 * (divergence, an overpowering discriminator, generator collapse, vanishing generator gradients, an
 * unconstrained Wasserstein critic),
 * with advice for each.
 *
 * <p>Users choose what happens per condition with a {@link dev.gan4j.health.HealthPolicy} (log, warn
 * or stop) and receive each {@link dev.gan4j.health.Diagnosis} in
 * {@link dev.gan4j.train.listener.TrainingListener#onHealth}; a stopped run throws
 * {@link dev.gan4j.health.UnhealthyTrainingException}. {@link dev.gan4j.health.HealthMonitor} does the
 * judging in pure Java from the metric reports, so it is the same on every engine; the training loop
 * feeds it. {@code docs/health.md} explains each condition.
 */
package dev.gan4j.health;
