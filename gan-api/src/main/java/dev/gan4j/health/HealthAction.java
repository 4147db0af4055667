package dev.gan4j.health;

/** What the trainer does when a {@link HealthCondition} is diagnosed, set per condition in {@link HealthPolicy}. */
public enum HealthAction {

    /** Nothing: the condition is not reported at all. */
    IGNORE,

    /** Reports the diagnosis to the listeners and logs it at INFO. */
    LOG,

    /** Reports the diagnosis to the listeners and logs it at WARN. */
    WARN,

    /**
     * Reports the diagnosis to the listeners, logs it at ERROR and stops training with an {@link
     * UnhealthyTrainingException}.
     */
    STOP
}
