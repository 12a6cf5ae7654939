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

package io.github.genaitracing.integration;

import java.time.Duration;
import java.util.List;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import io.github.genaitracing.annotation.AgentInvoke;
import io.github.genaitracing.annotation.ConversationId;
import io.github.genaitracing.annotation.ToolCall;
import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.semconv.OpenInferenceAttributes;
import io.github.genaitracing.test.GenAiSpanAssert;
import io.github.genaitracing.test.GenAiTracingTest;
import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end: a Spring Boot application with annotated beans exports through Boot's
 * real OTLP exporter into a loopback receiver.
 */
@GenAiTracingTest
class OtlpExportIntegrationTests {

	private static OtlpTestReceiver receiver;

	@BeforeAll
	static void receiver(OtlpTestReceiver shared) {
		receiver = shared;
	}

	private ConfigurableApplicationContext run(String... properties) {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties(receiver.exportProperties())
			.properties("spring.application.name=e2e-app",
					"spring.ai.openai.api-key=unused")
			.properties(properties)
			.run();
	}

	@Test
	void exportsAgentAndToolSpanTreeWithTypedAttributesAndNoContent() {
		try (ConfigurableApplicationContext context = run()) {
			context.getBean(Agent.class).chat("conv-42", "hello");
			List<Span> spans = receiver.awaitSpans((received) -> received.size() >= 2, Duration.ofSeconds(10));
			Span agent = spans.stream().filter((s) -> s.getName().equals("invoke_agent e2e-app")).findFirst().orElseThrow();
			Span tool = spans.stream().filter((s) -> s.getName().equals("execute_tool lookup")).findFirst().orElseThrow();
			GenAiSpanAssert.assertThat(agent)
				.hasKind(SpanKind.INTERNAL)
				.isRoot()
				.hasAttribute(GenAiAttributes.OPERATION_NAME, "invoke_agent")
				.hasAttribute(GenAiAttributes.CONVERSATION_ID, "conv-42")
				.doesNotHaveAttributes("gen_ai.input.messages", "gen_ai.output.messages", "input.value",
						"output.value", "mlflow.spanInputs", "mlflow.spanOutputs");
			GenAiSpanAssert.assertThat(tool)
				.isChildOf(agent)
				.hasAttribute(GenAiAttributes.CONVERSATION_ID, "conv-42")
				.hasAttribute(OpenInferenceAttributes.SPAN_KIND, "TOOL")
				.doesNotHaveAttributes("gen_ai.tool.call.arguments", "gen_ai.tool.call.result");
		}
	}

	@Test
	void exportsRedactedContentWhenCaptureIsOn() {
		try (ConfigurableApplicationContext context = run("genai.tracing.capture-content=span")) {
			context.getBean(Agent.class).chat("conv-1", "my token is Bearer abc.def.ghi");
			List<Span> spans = receiver.awaitSpans((received) -> received.size() >= 2, Duration.ofSeconds(10));
			Span agent = spans.stream().filter((s) -> s.getName().startsWith("invoke_agent")).findFirst().orElseThrow();
			assertThat((String) OtlpTestReceiver.attribute(agent, "gen_ai.input.messages"))
				.contains("[REDACTED]")
				.doesNotContain("abc.def.ghi");
			assertThat(OtlpTestReceiver.attribute(agent, "input.value")).isNotNull();
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		Tools tools() {
			return new Tools();
		}

		@Bean
		Agent agent(Tools tools) {
			return new Agent(tools);
		}

	}

	@AgentInvoke
	static class Agent {

		private final Tools tools;

		Agent(Tools tools) {
			this.tools = tools;
		}

		public String chat(@ConversationId String conversationId, String message) {
			return this.tools.lookup(message);
		}

	}

	static class Tools {

		@ToolCall(name = "lookup")
		public String lookup(String query) {
			return "found " + query.length();
		}

	}

}
