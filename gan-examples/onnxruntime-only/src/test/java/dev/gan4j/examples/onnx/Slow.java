package dev.gan4j.examples.onnx;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class or method as slow (JUnit tag {@code slow}): {@code mvn test} skips it, so that the
 * edit-compile-test loop stays under a minute, and {@code mvn verify} (the README's test command) runs
 * it after the fast tests.
 *
 * <p>Slow means a child JVM (and a kill -9 of one), a training run of hundreds of steps, or training a
 * quality classifier on the bundled digits: seconds on a quiet machine where a fast test takes
 * milliseconds. Annotate the class when its shared set-up ({@code @BeforeAll}) or every test is slow,
 * otherwise only the slow methods. See CONTRIBUTING.md.
 */
@Target({TYPE, METHOD})
@Retention(RUNTIME)
@Tag("slow")
@interface Slow {}
