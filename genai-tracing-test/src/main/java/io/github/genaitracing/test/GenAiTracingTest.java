/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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
