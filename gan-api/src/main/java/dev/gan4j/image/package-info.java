/**
 * Generated images: {@link dev.gan4j.image.ImageBatch}, what
 * {@link dev.gan4j.train.Generator#generate} returns, channels-first floats in the generator's range,
 * which can be read image by image or written as a PNG grid.
 */
package dev.gan4j.image;
