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

package io.github.genaitracing.autoconfigure;

import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.springai.GenAiChatModelObservationHandler;
import io.github.genaitracing.springai.GenAiToolCallingObservationHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SpringAiTracingAutoConfiguration}.
 */
class SpringAiTracingAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GenAiTracingAutoConfiguration.class,
				SpringAiTracingAutoConfiguration.class))
		.withBean(OpenTelemetry.class, OpenTelemetry::noop)
		.withBean(Tracer.class, () -> Tracer.NOOP);

	@Test
	void suppliesHandlers() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(GenAiChatModelObservationHandler.class)
			.hasSingleBean(GenAiToolCallingObservationHandler.class));
	}

	@Test
	void backsOffWhenSpringAiIsMissing() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ChatModelObservationContext.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(GenAiChatModelObservationHandler.class));
	}

	@Test
	void backsOffWithoutMicrometerTracer() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(GenAiTracingAutoConfiguration.class,
					SpringAiTracingAutoConfiguration.class))
			.withBean(OpenTelemetry.class, OpenTelemetry::noop)
			.run((context) -> assertThat(context).doesNotHaveBean(GenAiChatModelObservationHandler.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("genai.tracing.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(GenAiChatModelObservationHandler.class));
	}

	@Test
	void userHandlerWins() {
		this.contextRunner.withBean("myChatHandler", GenAiChatModelObservationHandler.class,
				() -> new GenAiChatModelObservationHandler(Tracer.NOOP,
						new SpanLifecycle(OpenTelemetry.noop(), java.util.List.of(), null), ContentPolicy.disabled()))
			.run((context) -> assertThat(context).hasSingleBean(GenAiChatModelObservationHandler.class)
				.hasBean("myChatHandler"));
	}

}
