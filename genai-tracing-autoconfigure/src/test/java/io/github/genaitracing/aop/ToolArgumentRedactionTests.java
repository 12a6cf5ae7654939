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
import java.util.Map;

import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.aop.framework.ProxyFactory;

import io.github.genaitracing.annotation.ToolCall;
import io.github.genaitracing.autoconfigure.CaptureMode;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.content.RegexContentRedactor;
import io.github.genaitracing.core.AgentDefaults;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.vocabulary.GenAiVocabulary;
import io.github.genaitracing.vocabulary.MlflowVocabulary;
import io.github.genaitracing.vocabulary.OpenInferenceVocabulary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link ToolCallAdvisor} records no secret passed to or returned by a tool,
 * whatever the vocabulary, with content capture on.
 */
class ToolArgumentRedactionTests {

	@RegisterExtension
	static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

	private Tools tools() {
		SpanLifecycle spans = new SpanLifecycle(otel.getOpenTelemetry(),
				List.of(new GenAiVocabulary(), new OpenInferenceVocabulary(), new MlflowVocabulary()), null);
		ContentPolicy policy = new ContentPolicy(CaptureMode.SPAN, 4096,
				List.of(RegexContentRedactor.of(true, List.of(), RegexContentRedactor.DEFAULT_REPLACEMENT)));
		ProxyFactory factory = new ProxyFactory(new Tools());
		TracedMethodRegistry registry = new TracedMethodRegistry(new AgentDefaults(null, null, null, "openai"), null);
		factory.addAdvisor(new ToolCallAdvisor(spans, policy, registry));
		return (Tools) factory.getProxy();
	}

	@Test
	void recordsNoPasswordArgumentOfALoginTool() {
		assertThat(tools().login("bob", "hunter2")).isEqualTo("welcome bob");
		SpanData span = otel.getSpans().get(0);
		assertThat(span.getAttributes().get(GenAiAttributes.TOOL_CALL_ARGUMENTS))
			.isEqualTo("{\"user\":\"bob\",\"password\":\"[REDACTED]\"}");
		assertThat(span.getAttributes().asMap().values()).noneMatch((value) -> value.toString().contains("hunter2"));
	}

	@Test
	void recordsNoSecretInsideARecordArgumentOrAMapResult() {
		Map<String, Object> result = tools().connect(new Connection("db.local", "sk-live-123", Map.of("cookie", "c=1")));
		assertThat(result).containsEntry("session", "sess-42");
		SpanData span = otel.getSpans().get(0);
		assertThat(span.getAttributes().get(GenAiAttributes.TOOL_CALL_ARGUMENTS)).contains("db.local");
		assertThat(span.getAttributes().get(GenAiAttributes.TOOL_CALL_RESULT)).contains("\"rows\":3");
		assertThat(span.getAttributes().asMap().values()).noneMatch((value) -> value.toString().contains("sk-live-123")
				|| value.toString().contains("c=1") || value.toString().contains("sess-42"));
	}

	/**
	 * Connection settings passed to a tool.
	 */
	record Connection(String host, String apiKey, Map<String, String> headers) {
	}

	static class Tools {

		@ToolCall(name = "login")
		public String login(String user, String password) {
			return "welcome " + user;
		}

		@ToolCall(name = "connect")
		public Map<String, Object> connect(Connection connection) {
			return Map.of("session", "sess-42", "rows", 3);
		}

	}

}
