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

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

import io.github.genaitracing.annotation.AgentInvoke;
import io.github.genaitracing.annotation.ConversationId;
import io.github.genaitracing.annotation.ToolCall;
import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.test.GenAiSpanAssert;
import io.github.genaitracing.test.GenAiTracingTest;
import io.github.genaitracing.test.OtlpTestReceiver;

/**
 * The example of docs/testing.md, run: a {@code @SpringBootTest} with
 * {@link GenAiTracingTest} exports through Boot's real OTLP exporter into the shared
 * receiver, without any exporter property of its own.
 */
@SpringBootTest(properties = { "spring.application.name=planner", "spring.ai.openai.api-key=unused" })
@GenAiTracingTest
class GenAiTracingTestExtensionTests {

	@Autowired
	Planner planner;

	@Test
	void agentSpanParentsTheToolSpanAndRecordsNoContent(OtlpTestReceiver receiver) {
		this.planner.plan("conv-1", "a weekend in Lisbon");
		receiver.awaitSpans((received) -> received.size() >= 2, Duration.ofSeconds(10));
		Span agent = receiver.span("invoke_agent planner").orElseThrow();
		Span tool = receiver.span("execute_tool find_hotels").orElseThrow();
		GenAiSpanAssert.assertThat(agent)
			.hasKind(SpanKind.INTERNAL)
			.isRoot()
			.hasAttribute(GenAiAttributes.CONVERSATION_ID, "conv-1")
			.doesNotHaveAttributes("gen_ai.input.messages", "gen_ai.output.messages");
		GenAiSpanAssert.assertThat(tool).isChildOf(agent).hasAttribute(GenAiAttributes.TOOL_NAME, "find_hotels");
	}

	@Test
	void receiverIsClearedBeforeEachTest(OtlpTestReceiver receiver) {
		this.planner.plan("conv-2", "a day in Porto");
		receiver.awaitSpans((received) -> received.size() >= 2, Duration.ofSeconds(10));
		GenAiSpanAssert.assertThat(receiver.span("invoke_agent planner").orElseThrow())
			.hasAttribute(GenAiAttributes.CONVERSATION_ID, "conv-2");
		org.assertj.core.api.Assertions.assertThat(receiver.spans())
			.noneMatch((span) -> "conv-1".equals(OtlpTestReceiver.attribute(span, "gen_ai.conversation.id")));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		Hotels hotels() {
			return new Hotels();
		}

		@Bean
		Planner planner(Hotels hotels) {
			return new Planner(hotels);
		}

	}

	static class Hotels {

		@ToolCall(name = "find_hotels")
		public String find(String city) {
			return "3 hotels in " + city;
		}

	}

	@AgentInvoke
	static class Planner {

		private final Hotels hotels;

		Planner(Hotels hotels) {
			this.hotels = hotels;
		}

		public String plan(@ConversationId String conversationId, String goal) {
			return this.hotels.find("Lisbon");
		}

	}

}
