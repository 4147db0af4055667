package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.tracker.Tracker;
import dev.gan4j.train.Adam;
import dev.gan4j.train.LearningRateSchedule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AdamOptimizerTest {

    private static final Adam SETTINGS = new Adam(2e-3, 0.5, 0.999, 1e-7);

    private Engine engine;
    @RegisterExtension
    final CpuArrays cpu = new CpuArrays();

    private NDManager manager;
    private NDArray latents;

    @BeforeEach
    void setUp() {
        engine = DjlEngine.get();
        manager = cpu.manager();
        engine.setRandomSeed(21);
        latents = manager.randomNormal(new Shape(4, TinyGan.generator().latentDim()));
    }


    @Test
    void givesBitIdenticalParametersToDjlsAdam() {
        // given: two copies of one network
        Network ours = network(5);
        Network theirs = network(5);
        AdamOptimizer adam = new AdamOptimizer(SETTINGS, ours, manager, 1000);

        // when: both take the same steps, ours through our state, theirs through DJL's
        stepBoth(6, ours, adam, theirs, djlAdam(Tracker.fixed((float) SETTINGS.learningRate())));

        // then
        assertBitIdentical(ours, theirs);
    }

    @Test
    void aScheduledRateGivesBitIdenticalParametersToDjlsAdamTrackingTheSameRate() {
        // given: a warm-up of 2 updates, then cosine decay to a tenth, over 6 updates
        LearningRateSchedule schedule = LearningRateSchedule.cosine(0.1).withWarmup(2);
        Network ours = network(5);
        Network theirs = network(5);
        AdamOptimizer adam = new AdamOptimizer(SETTINGS.schedule(schedule), ours, manager, 6);
        float base = (float) SETTINGS.learningRate();
        List<Float> rates = new ArrayList<>();
        Tracker sameRate = t -> {
            float rate = (float) (base * schedule.factor(t, 6));
            rates.add(rate);
            return rate;
        };

        stepBoth(6, ours, adam, theirs, djlAdam(sameRate));

        assertBitIdentical(ours, theirs);
        // the rates were the schedule's: up over the warm-up, then down to a tenth
        assertThat(rates).contains(base / 2, base, (float) (base * 0.1));
    }

    @Test
    void zeroesTheGradientsItApplies() {
        Network network = network(6);
        AdamOptimizer adam = new AdamOptimizer(SETTINGS, network, manager, 1000);

        backward(network);
        adam.update();

        for (Param p : network.params()) {
            if (p.trainable()) {
                try (NDArray grad = p.array().getGradient()) {
                    assertThat(grad.abs().sum().getFloat()).as(p.name()).isZero();
                }
            }
        }
    }

    @Test
    void restoredStateContinuesBitIdentically() {
        // given: three steps, then the state copied into a fresh optimiser of a copy of the network
        Network original = network(7);
        AdamOptimizer adam = new AdamOptimizer(SETTINGS, original, manager, 1000);
        for (int step = 0; step < 3; step++) {
            backward(original);
            adam.update();
        }
        Network copy = restoredCopy(original);
        AdamOptimizer restored = new AdamOptimizer(SETTINGS, copy, manager, 1000);
        restored.load(adam.state());

        // when: two more steps each
        for (int step = 0; step < 2; step++) {
            backward(original);
            adam.update();
            backward(copy);
            restored.update();
        }

        // then
        assertBitIdentical(copy, original);
        assertThat(restored.state().steps()).containsExactly(adam.state().steps());
    }

    @Test
    void rejectsStateOfAnotherNetwork() {
        AdamOptimizer generatorAdam = new AdamOptimizer(SETTINGS, network(8), manager, 1000);
        Network discriminator = Network.create(TinyGan.discriminator().stack(), manager);
        AdamOptimizer discriminatorAdam = new AdamOptimizer(SETTINGS, discriminator, manager, 1000);

        assertThatThrownBy(() -> discriminatorAdam.load(generatorAdam.state()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("optimizer state holds 7 moments and 7 step counts; the network has 8 trainable parameters");
    }

    /** DJL's own Adam with {@link #SETTINGS}, its rate from {@code rate}. */
    private static ai.djl.training.optimizer.Adam djlAdam(Tracker rate) {
        return ai.djl.training.optimizer.Adam.builder()
                .optLearningRateTracker(rate)
                .optBeta1((float) SETTINGS.beta1())
                .optBeta2((float) SETTINGS.beta2())
                .optEpsilon((float) SETTINGS.epsilon())
                .build();
    }

    /** Takes {@code steps} steps on each network: ours through {@code adam}, theirs through DJL's {@code djl}. */
    private void stepBoth(int steps, Network ours, AdamOptimizer adam, Network theirs,
            ai.djl.training.optimizer.Adam djl) {
        for (int step = 0; step < steps; step++) {
            backward(ours);
            adam.update();
            backward(theirs);
            for (Param p : theirs.params()) {
                if (p.trainable()) {
                    try (NDArray grad = p.array().getGradient()) {
                        djl.update(p.name(), p.array(), grad);
                    }
                }
            }
        }
    }

    private Network network(int seed) {
        engine.setRandomSeed(seed);
        return Network.create(TinyGan.generator().stack(), manager);
    }

    /** A copy that records gradients, like a network rebuilt from a checkpoint. */
    private Network restoredCopy(Network network) {
        List<Param> params = new ArrayList<>();
        for (Param p : network.params()) {
            Param copy = HostTensors.toParam(HostTensors.of(p), manager);
            if (copy.trainable()) {
                copy.array().setRequiresGradient(true);
            }
            params.add(copy);
        }
        return Network.withParams(network.stack(), params);
    }

    /** Leaves in each trainable parameter the gradient of a loss of the fixed latents. */
    private void backward(Network network) {
        try (NDManager step = manager.newSubManager(); GradientCollector collector = engine.newGradientCollector()) {
            NDArray out = network.forward(latents, true);
            collector.backward(out.mul(out).mean().add(out.mean()));
            step.tempAttachAll(out);
        }
    }

    private static void assertBitIdentical(Network actual, Network expected) {
        for (int i = 0; i < expected.params().size(); i++) {
            Param e = expected.params().get(i);
            assertThat(actual.params().get(i).array().toFloatArray()).as(e.name()).containsExactly(e.array().toFloatArray());
        }
    }
}
