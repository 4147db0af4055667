/**
 * Data preparation shared by engines: labelled batches drawn on the host in a seeded shuffled order,
 * each image shifted at random, for training the quality metric's classifier the same way on every
 * device.
 *
 * <p>Not API: public only so that engine modules can call it; it may change without notice.
 */
package dev.gan4j.internal.data;
