package dev.gan4j.train;

/** Where training runs: the engine's best device, the CPU, or one GPU. */
public sealed interface ComputeDevice permits ComputeDevice.Auto, ComputeDevice.Cpu, ComputeDevice.Gpu {

    /**
     * The first GPU the engine finds, else the CPU. The default.
     *
     * @return the first GPU the engine finds, else the CPU
     */
    static ComputeDevice auto() {
        return new Auto();
    }

    /**
     * The CPU.
     *
     * @return the CPU
     */
    static ComputeDevice cpu() {
        return new Cpu();
    }

    /**
     * GPU number {@code index}.
     *
     * @param index the GPU's number, from 0
     * @return GPU number {@code index}
     * @throws IllegalArgumentException if {@code index < 0}
     */
    static ComputeDevice gpu(int index) {
        return new Gpu(index);
    }

    /** The engine's choice. */
    record Auto() implements ComputeDevice {
        @Override
        public String toString() {
            return "auto";
        }
    }

    /** The CPU. */
    record Cpu() implements ComputeDevice {
        @Override
        public String toString() {
            return "cpu";
        }
    }

    /**
     * One GPU.
     *
     * @param index the GPU's number, from 0
     */
    record Gpu(int index) implements ComputeDevice {
        /**
         * Checks the index.
         *
         * @param index the GPU's number, from 0
         */
        public Gpu {
            if (index < 0) {
                throw new IllegalArgumentException("gpu index must be >= 0, got " + index);
            }
        }

        @Override
        public String toString() {
            return "gpu(" + index + ")";
        }
    }
}
