/**
 * Random streams derived from a run's seed: {@link dev.gan4j.internal.random.Seeds} gives each step
 * and each pass over the data its own seed from (seed, counter), so that a resumed run draws exactly
 * what the uninterrupted run would have drawn; {@link dev.gan4j.internal.random.FisherYates} shuffles.
 *
 * <p>Not API: public only so that gan4j's own packages and engine modules can call it; it may change
 * without notice.
 */
package dev.gan4j.internal.random;
