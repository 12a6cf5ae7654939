package io.github.genaitracing.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes a test class trace into an {@link OtlpTestReceiver}: the JVM's
 * {@linkplain OtlpTestReceiver#shared() shared receiver} is started, cleared before each
 * test and injected into test, lifecycle and constructor parameters of type
 * {@link OtlpTestReceiver}; a {@code @SpringBootTest} of the class exports its spans to it
 * through Spring Boot's real OTLP exporter, with sampling probability 1.0 and a 50 ms
 * export delay. Assert on what arrived with {@link OtlpTestReceiver#awaitSpans} and
 * {@link GenAiSpanAssert}.
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(GenAiTracingExtension.class)
public @interface GenAiTracingTest {

}
