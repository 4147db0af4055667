package dev.gan4j.report;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class or method as slow (JUnit tag {@code slow}): {@code mvn test} skips it and {@code mvn
 * verify} runs it, as in gan-djl (see CONTRIBUTING.md). Here: a headless browser, or a measurement over
 * a long run's history.
 */
@Target({TYPE, METHOD})
@Retention(RUNTIME)
@Tag("slow")
@interface Slow {}
