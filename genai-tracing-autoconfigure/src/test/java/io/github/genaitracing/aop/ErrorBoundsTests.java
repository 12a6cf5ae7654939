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

package io.github.genaitracing.aop;

import java.util.List;

import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.aop.framework.ProxyFactory;

import io.github.genaitracing.annotation.AgentInvoke;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.AgentDefaults;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.vocabulary.GenAiVocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests that a failure puts bounded values on its span: the exception message and the
 * stack trace are cut, and the application still gets its exception unchanged.
 */
class ErrorBoundsTests {

	@RegisterExtension
	static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

	private Agent agent() {
		SpanLifecycle spans = new SpanLifecycle(otel.getOpenTelemetry(), List.of(new GenAiVocabulary()), null);
		ProxyFactory factory = new ProxyFactory(new Agent());
		factory.addAdvisor(new AgentInvokeAdvisor(spans, ContentPolicy.disabled(),
				new TracedMethodRegistry(new AgentDefaults(null, null, null, "openai"), null)));
		return (Agent) factory.getProxy();
	}

	@Test
	void cutsAHugeExceptionMessageAndADeepStackTrace() {
		String message = "provider said: " + "x".repeat(1_000_000);
		assertThatThrownBy(() -> agent().fail(message, 3000)).isInstanceOf(IllegalStateException.class)
			.hasMessage(message);
		SpanData span = otel.getSpans().get(0);
		assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		EventData exception = span.getEvents().stream()
			.filter((event) -> event.getName().equals("exception"))
			.findFirst()
			.orElseThrow();
		assertThat(exception.getAttributes().get(GenAiAttributes.EXCEPTION_TYPE))
			.isEqualTo(IllegalStateException.class.getName());
		assertThat(exception.getAttributes().get(GenAiAttributes.EXCEPTION_MESSAGE)).hasSizeLessThan(1100)
			.endsWith("…[truncated]");
		assertThat(exception.getAttributes().get(GenAiAttributes.EXCEPTION_STACKTRACE))
			.startsWith(IllegalStateException.class.getName())
			.hasSizeLessThan(8300)
			.endsWith("…[truncated]");
	}

	@Test
	void keepsAShortMessageWhole() {
		assertThatThrownBy(() -> agent().fail("short", 0)).hasMessage("short");
		SpanData span = otel.getSpans().get(0);
		assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		EventData exception = span.getEvents().get(0);
		assertThat(exception.getAttributes().get(GenAiAttributes.EXCEPTION_MESSAGE)).isEqualTo("short");
		assertThat(exception.getAttributes().get(GenAiAttributes.EXCEPTION_STACKTRACE))
			.startsWith(IllegalStateException.class.getName() + ": short")
			.contains("\tat ");
	}

	@AgentInvoke(name = "failing")
	static class Agent {

		public String fail(String message, int depth) {
			if (depth > 0) {
				return fail(message, depth - 1);
			}
			throw new IllegalStateException(message);
		}

	}

}
