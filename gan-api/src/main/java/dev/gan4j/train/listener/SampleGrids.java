package dev.gan4j.train.listener;

import dev.gan4j.image.ImageBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes a PNG grid of samples after every epoch, {@code epoch-001.png} and on, always from the same
 * latent vectors, so the files show the generator's progress frame by frame.
 */
public final class SampleGrids implements TrainingListener {

    private final Path dir;
    private final int count;
    private final int columns;
    private final long seed;

    private SampleGrids(Path dir, int count, int columns, long seed) {
        this.dir = dir;
        this.count = count;
        this.columns = columns;
        this.seed = seed;
    }

    /**
     * Writes {@code count} samples drawn with {@code seed} into {@code dir}, in a grid of {@code
     * columns}.
     *
     * @param dir the directory of the grids
     * @param count the samples per grid
     * @param columns the samples per row
     * @param seed the seed of the latents, the same every epoch
     * @return the listener
     * @throws NullPointerException with the message {@code "dir"} if {@code dir} is null
     * @throws IllegalArgumentException if {@code count < 1} or {@code columns < 1}
     */
    public static SampleGrids into(Path dir, int count, int columns, long seed) {
        Objects.requireNonNull(dir, "dir");
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        }
        return new SampleGrids(dir, count, columns, seed);
    }

    /**
     * Returns the file written after {@code epoch}.
     *
     * @param epoch the epoch that ended, from 1
     * @return the file written after {@code epoch}
     */
    public Path fileFor(int epoch) {
        return dir.resolve(String.format(Locale.ROOT, "epoch-%03d.png", epoch));
    }

    /**
     * Draws the samples and writes the epoch's grid, atomically.
     *
     * @throws UncheckedIOException if the grid cannot be written: the message names the epoch, the file
     *     and why ({@code "sample grid of epoch 3: could not write out/epoch-003.png: No space left on
     *     device"})
     */
    @Override
    public void onEpochEnd(EpochSummary summary) {
        ImageBatch samples = summary.generator().generate(count, seed);
        try {
            samples.writeGridPng(fileFor(summary.epoch()), columns);
        } catch (IOException e) {
            // The writer's message names the file and the reason; UncheckedIOException would hide it.
            throw new UncheckedIOException("sample grid of epoch " + summary.epoch() + ": " + e.getMessage(), e);
        }
    }
}
