package dev.gan4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import dev.gan4j.train.GradientPenalty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The engine's form of a {@link GradientPenalty}: the penalty on the discriminator's input gradient,
 * added to its loss on the updates the schedule picks.
 *
 * <p>How the gradient of a gradient is taken. The penalty needs {@code g = ∇ₓΣD(x)} as an array that is
 * itself differentiable with respect to D's parameters θ, and then {@code ∂penalty(g)/∂θ}. DJL's
 * PyTorch engine offers only {@code Tensor.backward}, whose {@code create_graph} mode stores such a
 * gradient in every leaf's {@code .grad}: it would add {@code ∂ΣD/∂θ} to D's parameter gradients, and
 * every leaf would hold a gradient whose graph holds the leaf again, a reference cycle that PyTorch
 * frees only when {@code .grad} is set to {@code None} (which DJL cannot do): native memory would grow
 * every step. So {@code g} comes from {@code torch.autograd.grad(ΣD, x, create_graph=True)}, which
 * returns it and writes no {@code .grad} at all, run through a 2 KB TorchScript module bundled as a
 * resource ({@code input-gradient.pt}, made by {@code tools/make-input-gradient-module.py}). The
 * penalty, a function of {@code g}, is then added to D's loss, and the step's one ordinary backward
 * pass gives D's parameters exactly {@code ∂(loss + penalty)/∂θ}; with {@code create_graph} off it
 * stores plain gradients and frees the whole graph, double-backward part included.
 */
final class GradientPenalties implements AutoCloseable {

    private static final String MODULE = "input-gradient.pt";
    /** DJL's switch of TorchScript's graph executor optimisation, on unless set to {@code false}. */
    private static final String GRAPH_OPTIMIZER = "ai.djl.pytorch.graph_optimizer";

    private final Kind kind;
    private final float weight;
    private final int every;
    private final PtSymbolBlock inputGradient;
    private final NDManager manager;
    /** The last penalty computed, for the metrics of the updates in between: NaN until one is. */
    private NDArray last;

    private GradientPenalties(Kind kind, GradientPenalty spec, NDManager manager) {
        this.kind = kind;
        this.weight = (float) spec.weight();
        this.every = spec.every();
        this.manager = manager;
        this.inputGradient = load(manager);
        this.last = manager.create(Float.NaN);
    }

    /** Returns the engine's form of {@code penalty}, or {@code null} for {@link GradientPenalty#none()}. */
    static GradientPenalties of(GradientPenalty penalty, NDManager manager) {
        Kind kind = penalty.accept(new GradientPenalty.Visitor<Kind>() {
            @Override
            public Kind none(GradientPenalty.None p) {
                return null;
            }

            @Override
            public Kind r1(GradientPenalty.R1 p) {
                return Kind.R1;
            }

            @Override
            public Kind r2(GradientPenalty.R2 p) {
                return Kind.R2;
            }

            @Override
            public Kind wganGp(GradientPenalty.WganGp p) {
                return Kind.WGAN_GP;
            }
        });
        return kind == null ? null : new GradientPenalties(kind, penalty, manager);
    }

    private enum Kind {
        R1, R2, WGAN_GP
    }

    private static PtSymbolBlock load(NDManager manager) {
        try (InputStream in = GradientPenalties.class.getResourceAsStream(MODULE)) {
            if (in == null) {
                throw new IllegalStateException("gan-djl's resource " + MODULE + " is missing from the class path");
            }
            return JniUtils.loadModule((PtNDManager) manager, in, true, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gan-djl's resource " + MODULE, e);
        }
    }

    /**
     * Whether the discriminator update that follows {@code updatesBefore} earlier ones is penalised: every
     * one, or one in {@code every} counted over the whole run from the first (Karras et al., 2020, §B),
     * so that a resumed run, whose optimiser restores the count, penalises the same updates.
     */
    boolean due(long updatesBefore) {
        return updatesBefore % every == 0;
    }

    /**
     * Returns the batch D should see for the real images: for R1 a copy of them (sharing memory) that
     * records its gradient, since R1 differentiates D's outputs for it; else {@code real} itself.
     */
    NDArray real(NDArray real) {
        return kind == Kind.R1 ? watched(real) : real;
    }

    /** As {@link #real}: for R2 the detached generated batch, recording its gradient. */
    NDArray fake(NDArray fake) {
        return kind == Kind.R2 ? watched(fake) : fake;
    }

    private static NDArray watched(NDArray x) {
        NDArray leaf = x.stopGradient();
        leaf.setRequiresGradient(true);
        return leaf;
    }

    /**
     * Returns the penalty term to add to D's loss, {@code every} times the penalty, and remembers the
     * penalty for the metrics.
     *
     * @param outputs D's outputs for {@code real} then {@code fake}, as the update computed them
     * @param real the real batch as {@link #real} returned it
     * @param fake the generated batch, detached, as {@link #fake} returned it
     */
    NDArray term(NDArray outputs, NDArray real, NDArray fake, Network discriminator) {
        NDArray penalty;
        switch (kind) {
            case R1:
                penalty = squaredNorms(gradient(outputs, real)).mean().mul(weight / 2);
                break;
            case R2:
                penalty = squaredNorms(gradient(outputs, fake)).mean().mul(weight / 2);
                break;
            default:
                penalty = wganGp(real, fake, discriminator);
        }
        last.close();
        last = penalty.stopGradient();
        last.attach(manager);
        return every == 1 ? penalty : penalty.mul(every);
    }

    /**
     * WGAN-GP (Gulrajani et al., 2017, Algorithm 1, lines 6-8): {@code λ·E(‖∇D(x̂)‖ − 1)²} at {@code x̂ =
     * αx + (1 − α)x̃}, {@code α ~ U[0, 1)} per image from the step's seeded torch generator (the uniform
     * of the paper; a normal draw, as one port once had, is a known bug).
     */
    private NDArray wganGp(NDArray real, NDArray fake, Network discriminator) {
        NDArray mixed = interpolate(real, fake);
        mixed.setRequiresGradient(true);
        NDArray g = gradient(discriminator.forward(mixed, true), mixed);
        NDArray norms = g.reshape(g.getShape().get(0), -1).norm(new int[] {1});
        return norms.sub(1f).square().mean().mul(weight);
    }

    /** Returns {@code αx + (1 − α)x̃}, detached, with one {@code α ~ U[0, 1)} per image. */
    static NDArray interpolate(NDArray real, NDArray fake) {
        long[] alphaShape = new long[real.getShape().dimension()];
        Arrays.fill(alphaShape, 1);
        alphaShape[0] = real.getShape().get(0);
        NDArray alpha = real.getManager().randomUniform(0f, 1f, new Shape(alphaShape), DataType.FLOAT32);
        return real.stopGradient().mul(alpha).add(fake.stopGradient().mul(alpha.neg().add(1f)));
    }

    /**
     * Returns {@code ∇ₓΣoutputs}, differentiable with respect to D's parameters, without touching any
     * array's stored gradient (see the class comment).
     */
    NDArray gradient(NDArray outputs, NDArray x) {
        // The module runs in TorchScript's plain interpreter: the profiling executor, which the setting
        // (thread-local) otherwise turns on, specialises and rewrites graphs after a few calls, and
        // runs of the digits with it went to NaN within a few hundred steps; with it off they did not.
        JniUtils.setGraphExecutorOptimize(false);
        try {
            return IValueUtils.forward(inputGradient, new NDList(outputs, x), true).singletonOrThrow();
        } finally {
            JniUtils.setGraphExecutorOptimize(!"false".equals(System.getProperty(GRAPH_OPTIMIZER, "true")));
        }
    }

    /** Each image's squared L2 norm over all its values: {@code [B]}. */
    static NDArray squaredNorms(NDArray g) {
        return g.reshape(g.getShape().get(0), -1).square().sum(new int[] {1});
    }

    /** The last penalty computed (NaN before the first), a scalar that outlives the step. */
    NDArray last() {
        return last;
    }

    @Override
    public void close() {
        inputGradient.close();
    }
}
