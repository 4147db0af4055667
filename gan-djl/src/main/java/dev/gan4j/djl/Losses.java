package dev.gan4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import dev.gan4j.train.GanLoss;
import dev.gan4j.train.LabelSmoothing;

/**
 * The adversarial losses of {@link GanLoss} on the discriminator's raw outputs, in numerically stable
 * forms, and what each loss's outputs mean for the step's metrics. The discriminator's outputs come as
 * one column of {@code 2B} rows, the real batch's first.
 */
abstract class Losses {

    /** The discriminator's targets for its outputs, real rows first: {@code [2B, 1]}. */
    protected final NDArray targets;
    /** The targets with the real and fake rows' values swapped, for label flips and relativistic G. */
    protected final NDArray swapped;
    protected final int batch;

    private Losses(NDArray targets) {
        this.targets = targets;
        this.batch = Math.toIntExact(targets.getShape().get(0) / 2);
        this.swapped = fake(targets).concat(real(targets), 0);
    }

    /**
     * Returns the engine's form of {@code loss}.
     *
     * @param targets the discriminator's targets, real rows first, from the run's {@link LabelSmoothing}
     */
    static Losses of(GanLoss loss, LabelSmoothing smoothing, NDArray targets) {
        return loss.accept(new GanLoss.Visitor<Losses>() {
            @Override
            public Losses nonSaturating(GanLoss.NonSaturating l) {
                return new CrossEntropy(targets) {
                    @Override
                    NDArray generator(NDArray fake, NDArray real) {
                        // -log s(l) = softplus(-l)
                        return softplus(fake.neg()).mean();
                    }
                };
            }

            @Override
            public Losses minimax(GanLoss.Minimax l) {
                return new CrossEntropy(targets) {
                    @Override
                    NDArray generator(NDArray fake, NDArray real) {
                        // log(1 - s(l)) = -softplus(l)
                        return softplus(fake).mean().neg();
                    }
                };
            }

            @Override
            public Losses leastSquares(GanLoss.LeastSquares l) {
                return new LeastSquares(targets, smoothing.realTarget(), smoothing.fakeTarget());
            }

            @Override
            public Losses hinge(GanLoss.Hinge l) {
                return new Hinge(targets);
            }

            @Override
            public Losses wasserstein(GanLoss.Wasserstein l) {
                return new Wasserstein(targets, (float) l.clip());
            }

            @Override
            public Losses relativisticAverage(GanLoss.RelativisticAverage l) {
                return new RelativisticAverage(targets);
            }

            @Override
            public Losses wassersteinGp(GanLoss.WassersteinGp l) {
                return new Wasserstein(targets, 0f);
            }
        });
    }

    /** The discriminator's loss on its outputs for the real batch then the fake one. */
    final NDArray discriminator(NDArray outputs) {
        return discriminator(outputs, targets);
    }

    /**
     * The discriminator's loss against {@code targets} instead of the run's (label flips); only the
     * losses with targets ({@link GanLoss#usesTargets()}) read them.
     */
    abstract NDArray discriminator(NDArray outputs, NDArray targets);

    /**
     * Returns the targets with those of the rows where {@code flip} holds swapped with the other
     * class's: real rows get the fake target there and fake rows the real one. Exact: a selection.
     *
     * @param flip booleans, {@code [2B, 1]}
     */
    NDArray swappedWhere(NDArray flip) {
        return NDArrays.where(flip, swapped, targets);
    }

    /**
     * The generator's loss on the discriminator's outputs for its batch.
     *
     * @param real the discriminator's outputs for a real batch, without gradient, when {@link
     *     #generatorSeesReal()}; else {@code null}
     */
    abstract NDArray generator(NDArray fake, NDArray real);

    /** Whether {@link #generator} needs the discriminator's outputs for a real batch. */
    boolean generatorSeesReal() {
        return false;
    }

    /** Called after every discriminator update, to constrain its parameters. */
    void afterDiscriminatorUpdate(Network discriminator) {}

    /**
     * Returns, as scalars, D(x) and D(G(z)) as the loss reads them, the share of real and of fake
     * images the discriminator judged correctly, and the share of the generator's images it took for
     * real after its update.
     *
     * @param outputs the discriminator's outputs of its update, real rows first
     * @param verdict its outputs for the generator's batch in the generator's update
     * @param verdictReal its outputs for a real batch in that update, or {@code null}
     */
    abstract NDList metrics(NDArray outputs, NDArray verdict, NDArray verdictReal);

    NDArray real(NDArray outputs) {
        return outputs.get(new NDIndex().addSliceDim(0, batch));
    }

    NDArray fake(NDArray outputs) {
        return outputs.get(new NDIndex().addSliceDim(batch, 2L * batch));
    }

    /**
     * The metrics of a loss whose discriminator judges an output real above {@code threshold}: D(x) and
     * D(G(z)) as their mean sigmoid when {@code probabilities}, else as their mean score.
     */
    NDList judgedAbove(float threshold, boolean probabilities, NDArray outputs, NDArray verdict) {
        NDArray r = real(outputs);
        NDArray f = fake(outputs);
        return new NDList(probabilities ? Activation.sigmoid(r).mean() : r.mean(),
                probabilities ? Activation.sigmoid(f).mean() : f.mean(), share(r.gt(threshold)),
                share(f.lte(threshold)), share(verdict.gt(threshold)));
    }

    static NDArray share(NDArray condition) {
        return condition.toType(DataType.FLOAT32, false).mean();
    }

    /** {@code log(1 + exp(x))}: torch's softplus, linear above 20, so it never overflows. */
    static NDArray softplus(NDArray x) {
        return Activation.softPlus(x);
    }

    /**
     * Mean binary cross-entropy of logits against per-example targets: {@code softplus(l) - l * t},
     * which equals {@code -t log s(l) - (1 - t) log(1 - s(l))}.
     */
    static NDArray binaryCrossEntropy(NDArray logits, NDArray targets) {
        return softplus(logits).sub(logits.mul(targets)).mean();
    }

    /**
     * The cross-entropy losses: D's outputs are logits, its loss the mean cross-entropy over both
     * batches against the targets (half the sum of Goodfellow et al.'s two terms, as gan4j 0.1.0
     * computed it: runs reproduce).
     */
    private abstract static class CrossEntropy extends Losses {
        CrossEntropy(NDArray targets) {
            super(targets);
        }

        @Override
        NDArray discriminator(NDArray outputs, NDArray targets) {
            return binaryCrossEntropy(outputs, targets);
        }

        @Override
        NDList metrics(NDArray outputs, NDArray verdict, NDArray verdictReal) {
            return judgedAbove(0f, true, outputs, verdict);
        }
    }

    /**
     * Least squares: {@code ½E[(D(x) - b)²] + ½E[(D(G(z)) - a)²]}, the mean over both batches of the
     * squared distance from the targets; G: {@code ½E[(D(G(z)) - b)²]}. A score is judged real above the
     * midpoint of the two targets.
     */
    private static final class LeastSquares extends Losses {
        private final float real;
        private final float midpoint;

        LeastSquares(NDArray targets, float real, float fake) {
            super(targets);
            this.real = real;
            this.midpoint = (real + fake) / 2;
        }

        @Override
        NDArray discriminator(NDArray outputs, NDArray targets) {
            return outputs.sub(targets).square().mean();
        }

        @Override
        NDArray generator(NDArray fake, NDArray unused) {
            return fake.sub(real).square().mean().mul(0.5f);
        }

        @Override
        NDList metrics(NDArray outputs, NDArray verdict, NDArray verdictReal) {
            return judgedAbove(midpoint, false, outputs, verdict);
        }
    }

    /** Hinge: {@code E[max(0, 1 - D(x))] + E[max(0, 1 + D(G(z)))]}; G: {@code -E[D(G(z))]}. Judged by sign. */
    private static final class Hinge extends Losses {
        Hinge(NDArray targets) {
            super(targets);
        }

        @Override
        NDArray discriminator(NDArray outputs, NDArray unused) {
            NDArray realTerm = Activation.relu(real(outputs).neg().add(1f)).mean();
            NDArray fakeTerm = Activation.relu(fake(outputs).add(1f)).mean();
            return realTerm.add(fakeTerm);
        }

        @Override
        NDArray generator(NDArray fake, NDArray unused) {
            return fake.mean().neg();
        }

        @Override
        NDList metrics(NDArray outputs, NDArray verdict, NDArray verdictReal) {
            return judgedAbove(0f, false, outputs, verdict);
        }
    }

    /**
     * Wasserstein: {@code E[D(G(z))] - E[D(x)]}; G: {@code -E[D(G(z))]}; with a clip, every critic
     * parameter clipped to {@code [-clip, clip]} after each update; without (clip 0, WGAN-GP), the
     * gradient penalty constrains the critic instead. A critic's score has no threshold (adding a
     * constant changes nothing), so its accuracies are NaN.
     */
    private static final class Wasserstein extends Losses {
        private final float clip;

        Wasserstein(NDArray targets, float clip) {
            super(targets);
            this.clip = clip;
        }

        @Override
        NDArray discriminator(NDArray outputs, NDArray unused) {
            return fake(outputs).mean().sub(real(outputs).mean());
        }

        @Override
        NDArray generator(NDArray fake, NDArray unused) {
            return fake.mean().neg();
        }

        @Override
        void afterDiscriminatorUpdate(Network discriminator) {
            if (clip == 0) {
                return;
            }
            discriminator.requireGradients(false);
            try {
                for (Param p : discriminator.params()) {
                    if (p.trainable()) {
                        // In place, since the optimiser holds this array, and exact: p - (p - clip(p))
                        // would round. DJL has no in-place clip.
                        NDArray w = p.array();
                        try (NDArray clipped = w.clip(-clip, clip)) {
                            w.muli(0).addi(clipped);
                        }
                    }
                }
            } finally {
                discriminator.requireGradients(true);
            }
        }

        @Override
        NDList metrics(NDArray outputs, NDArray verdict, NDArray verdictReal) {
            NDArray r = real(outputs);
            NDArray nan = r.getManager().create(Float.NaN);
            return new NDList(r.mean(), fake(outputs).mean(), nan, nan, nan);
        }
    }

    /**
     * Relativistic average standard loss: cross-entropy of {@code D(x) - E[D(G(z))]} and {@code D(G(z)) -
     * E[D(x)]} against the targets, the mean over both batches, as Jolicoeur-Martineau's code computes
     * it; G the same with the two batches' targets swapped. D(x) and D(G(z)) are reported as {@code
     * σ} of those relative logits, judged by sign.
     */
    private static final class RelativisticAverage extends Losses {
        RelativisticAverage(NDArray targets) {
            super(targets);
        }

        private NDArray relative(NDArray real, NDArray fake) {
            return real.sub(fake.mean()).concat(fake.sub(real.mean()), 0);
        }

        @Override
        NDArray discriminator(NDArray outputs, NDArray targets) {
            return binaryCrossEntropy(relative(real(outputs), fake(outputs)), targets);
        }

        @Override
        boolean generatorSeesReal() {
            return true;
        }

        @Override
        NDArray generator(NDArray fake, NDArray real) {
            // G's targets: the real rows get the fake target and the fake rows the real one.
            return binaryCrossEntropy(relative(real, fake), swapped);
        }

        @Override
        NDList metrics(NDArray outputs, NDArray verdict, NDArray verdictReal) {
            NDArray r = real(outputs);
            NDArray f = fake(outputs);
            NDArray realRelative = r.sub(f.mean());
            NDArray fakeRelative = f.sub(r.mean());
            return new NDList(Activation.sigmoid(realRelative).mean(), Activation.sigmoid(fakeRelative).mean(),
                    share(realRelative.gt(0f)), share(fakeRelative.lte(0f)),
                    share(verdict.sub(verdictReal.mean()).gt(0f)));
        }
    }
}
