/**
 * Images to train on. An {@link dev.gan4j.data.ImageDataset} is channels-first {@code (C, H, W)}
 * with pixels in [-1, 1], optionally labelled; engines copy it to the training device once.
 *
 * <p>{@link dev.gan4j.data.Mnist} reads MNIST's IDX files (raw or gzip) and also offers 9,000 digits
 * bundled with gan4j, so nothing needs downloading; {@link dev.gan4j.data.InMemoryImageDataset} wraps
 * any other images held in a {@code float[]}.
 *
 * @see dev.gan4j.train.GanTrainer#train(dev.gan4j.data.ImageDataset)
 */
package dev.gan4j.data;
