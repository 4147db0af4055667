package dev.gan4j.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For each test ({@code @RegisterExtension final CpuArrays cpu = new CpuArrays();}): the engine
 * loaded, autograd's recording off as outside a training step, and a CPU manager for the test's
 * arrays, closed after the test's own {@code @AfterEach} with the recording state restored.
 */
final class CpuArrays implements BeforeEachCallback, AfterEachCallback {

    private NDManager manager;
    private boolean wasRecording;

    @Override
    public void beforeEach(ExtensionContext context) {
        DjlEngine.get(); // loads the native library GradMode calls
        wasRecording = GradMode.set(false);
        manager = NDManager.newBaseManager(Device.cpu(), DjlEngine.NAME);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        manager.close();
        GradMode.set(wasRecording);
    }

    /** The test's manager, open from before its {@code @BeforeEach} to after its {@code @AfterEach}. */
    NDManager manager() {
        return manager;
    }

    /**
     * Runs two steps of {@code step} (after which the optimisers hold their moment arrays), then four
     * more, measured every other one, and asserts that every array those four made was closed with its
     * step's scope.
     */
    void assertStepsLeaveNoArraysBehind(AdversarialStep step) {
        for (int i = 0; i < 2; i++) {
            try (NDManager scope = manager.newSubManager()) {
                step.run(scope, i == 0);
            }
        }
        int arrays = manager.getManagedArrays().size();

        for (int i = 0; i < 4; i++) {
            try (NDManager scope = manager.newSubManager()) {
                step.run(scope, i % 2 == 0);
            }
        }

        assertThat(manager.getManagedArrays()).hasSize(arrays);
    }
}
