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
import java.util.concurrent.CompletableFuture;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.aop.framework.ProxyFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.genaitracing.annotation.AgentInvoke;
import io.github.genaitracing.annotation.ConversationId;
import io.github.genaitracing.annotation.ToolCall;
import io.github.genaitracing.annotation.ToolCallId;
import io.github.genaitracing.autoconfigure.CaptureMode;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.content.RegexContentRedactor;
import io.github.genaitracing.core.AgentDefaults;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.semconv.MlflowAttributes;
import io.github.genaitracing.semconv.OpenInferenceAttributes;
import io.github.genaitracing.vocabulary.GenAiVocabulary;
import io.github.genaitracing.vocabulary.MlflowVocabulary;
import io.github.genaitracing.vocabulary.OpenInferenceVocabulary;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for {@link AgentInvokeAdvisor} and {@link ToolCallAdvisor}.
 */
class AnnotationAdvisorsTests {

	@RegisterExtension
	static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Agent agent(ContentPolicy policy) {
		SpanLifecycle spans = new SpanLifecycle(otel.getOpenTelemetry(),
				List.of(new GenAiVocabulary(), new OpenInferenceVocabulary(), new MlflowVocabulary()),
				"gen_ai.conversation.id");
		ProxyFactory toolFactory = new ProxyFactory(new Tools());
		TracedMethodRegistry registry = new TracedMethodRegistry(new AgentDefaults(null, null, null, "openai"), null);
		toolFactory.addAdvisor(new ToolCallAdvisor(spans, policy, registry));
		Tools tools = (Tools) toolFactory.getProxy();
		ProxyFactory agentFactory = new ProxyFactory(new Agent(tools));
		agentFactory.addAdvisor(new AgentInvokeAdvisor(spans, policy, registry));
		return (Agent) agentFactory.getProxy();
	}

	private static ContentPolicy contentOn(int maxLength) {
		return new ContentPolicy(CaptureMode.SPAN, maxLength,
				List.of(RegexContentRedactor.of(true, List.of(), RegexContentRedactor.DEFAULT_REPLACEMENT)));
	}

	@Test
	void tracesAgentAndNestedToolWithTypedAttributesAndNoContentWhenCaptureIsOff() {
		agent(ContentPolicy.disabled()).answer("conv-1", "weather in Paris?");
		List<SpanData> spans = otel.getSpans();
		assertThat(spans).hasSize(2);
		SpanData tool = spans.get(0);
		SpanData agent = spans.get(1);
		assertThat(agent).hasName("invoke_agent weather-agent")
			.hasKind(SpanKind.INTERNAL)
			.hasNoParent()
			.hasAttributesSatisfyingExactly(equalTo(GenAiAttributes.OPERATION_NAME, "invoke_agent"),
					equalTo(GenAiAttributes.PROVIDER_NAME, "openai"),
					equalTo(GenAiAttributes.AGENT_NAME, "weather-agent"),
					equalTo(GenAiAttributes.AGENT_VERSION, "1.2"),
					equalTo(GenAiAttributes.CONVERSATION_ID, "conv-1"),
					equalTo(OpenInferenceAttributes.SPAN_KIND, "AGENT"),
					equalTo(OpenInferenceAttributes.AGENT_NAME, "weather-agent"),
					equalTo(OpenInferenceAttributes.SESSION_ID, "conv-1"),
					equalTo(MlflowAttributes.SPAN_TYPE, "AGENT"));
		assertThat(tool).hasName("execute_tool get_weather")
			.hasKind(SpanKind.INTERNAL)
			.hasParent(agent)
			.hasAttributesSatisfyingExactly(equalTo(GenAiAttributes.OPERATION_NAME, "execute_tool"),
					equalTo(GenAiAttributes.TOOL_NAME, "get_weather"),
					equalTo(GenAiAttributes.TOOL_DESCRIPTION, "Current weather"),
					equalTo(GenAiAttributes.TOOL_TYPE, "function"),
					equalTo(GenAiAttributes.TOOL_CALL_ID, "call-7"),
					equalTo(GenAiAttributes.CONVERSATION_ID, "conv-1"),
					equalTo(OpenInferenceAttributes.SPAN_KIND, "TOOL"),
					equalTo(OpenInferenceAttributes.TOOL_NAME, "get_weather"),
					equalTo(OpenInferenceAttributes.TOOL_DESCRIPTION, "Current weather"),
					equalTo(OpenInferenceAttributes.TOOL_ID, "call-7"),
					equalTo(OpenInferenceAttributes.SESSION_ID, "conv-1"),
					equalTo(MlflowAttributes.SPAN_TYPE, "TOOL"));
	}

	@Test
	void putsConversationIdInBaggageForNestedWork() {
		Tools.seenBaggage = null;
		agent(ContentPolicy.disabled()).answer("conv-9", "hi");
		org.assertj.core.api.Assertions.assertThat(Tools.seenBaggage).isEqualTo("conv-9");
	}

	@Test
	void recordsRedactedValidJsonContentWhenCaptureIsOn() throws Exception {
		agent(contentOn(4096)).answer("conv-1", "use key sk-abcdefghijklmnopqrstuv please");
		SpanData agent = otel.getSpans().get(1);
		String input = agent.getAttributes().get(GenAiAttributes.INPUT_MESSAGES);
		JsonNode messages = JSON.readTree(input);
		org.assertj.core.api.Assertions.assertThat(messages.get(0).path("role").asString()).isEqualTo("user");
		org.assertj.core.api.Assertions.assertThat(messages.get(0).path("parts").get(0).path("type").asString())
			.isEqualTo("text");
		org.assertj.core.api.Assertions.assertThat(input).doesNotContain("sk-abcdefghijklmnopqrstuv")
			.contains("[REDACTED]");
		JsonNode output = JSON.readTree(agent.getAttributes().get(GenAiAttributes.OUTPUT_MESSAGES));
		org.assertj.core.api.Assertions.assertThat(output.get(0).path("finish_reason").asString()).isEqualTo("stop");
		org.assertj.core.api.Assertions.assertThat(agent.getAttributes().get(MlflowAttributes.SPAN_OUTPUTS))
			.startsWith("\"");
		SpanData tool = otel.getSpans().get(0);
		JsonNode arguments = JSON.readTree(tool.getAttributes().get(GenAiAttributes.TOOL_CALL_ARGUMENTS));
		org.assertj.core.api.Assertions.assertThat(arguments.path("city").asString()).isEqualTo("Paris");
		org.assertj.core.api.Assertions.assertThat(tool.getAttributes().get(OpenInferenceAttributes.INPUT_MIME_TYPE))
			.isEqualTo("application/json");
	}

	@Test
	void keepsJsonValidWhenContentIsCutAtTheLimit() throws Exception {
		agent(contentOn(10)).answer("conv-1", "x".repeat(500));
		String input = otel.getSpans().get(1).getAttributes().get(GenAiAttributes.INPUT_MESSAGES);
		JsonNode messages = JSON.readTree(input);
		org.assertj.core.api.Assertions.assertThat(messages.get(0).path("parts").get(0).path("content").asString())
			.isEqualTo("xxxxxxxxxx" + ContentPolicy.TRUNCATION_MARKER);
	}

	@Test
	void redactorThatOverflowsTheStackNeverReachesTheMethodsAndEverySpanEnds() {
		ContentPolicy failing = new ContentPolicy(CaptureMode.SPAN, 1000, List.of((value) -> {
			throw new StackOverflowError("user regex");
		}));
		Agent agent = agent(failing);
		org.assertj.core.api.Assertions.assertThat(agent.answer("conv-9", "weather?")).isEqualTo("It is sunny");
		List<SpanData> spans = otel.getSpans();
		org.assertj.core.api.Assertions.assertThat(spans).extracting(SpanData::getName)
			.containsExactly("execute_tool get_weather", "invoke_agent weather-agent");
		org.assertj.core.api.Assertions.assertThat(spans).allSatisfy((span) -> {
			org.assertj.core.api.Assertions.assertThat(span.hasEnded()).isTrue();
			org.assertj.core.api.Assertions.assertThat(span.getAttributes().get(GenAiAttributes.INPUT_MESSAGES))
				.isNull();
		});
	}

	@Test
	void conversationIdWhoseToStringFailsLeavesTheResultUnchangedAndTheSpanWithoutIt() {
		Object failingId = new Object() {

			@Override
			public String toString() {
				throw new IllegalStateException("no id");
			}

		};
		org.assertj.core.api.Assertions.assertThat(agent(ContentPolicy.disabled()).identified(failingId))
			.isEqualTo("identified");
		SpanData span = otel.getSpans().get(0);
		assertThat(span).hasName("invoke_agent weather-agent").hasEnded();
		org.assertj.core.api.Assertions.assertThat(span.getAttributes().get(GenAiAttributes.CONVERSATION_ID)).isNull();
	}

	@Test
	void recordsErrorAndEndsSpanWhenMethodThrows() {
		Agent agent = agent(ContentPolicy.disabled());
		assertThatThrownBy(() -> agent.fail()).isInstanceOf(IllegalStateException.class);
		SpanData span = otel.getSpans().get(0);
		assertThat(span).hasStatus(io.opentelemetry.sdk.trace.data.StatusData.error())
			.hasAttribute(GenAiAttributes.ERROR_TYPE, IllegalStateException.class.getName())
			.hasEventsSatisfying((events) -> org.assertj.core.api.Assertions.assertThat(events)
				.anySatisfy((event) -> org.assertj.core.api.Assertions.assertThat(event.getName())
					.isEqualTo("exception")));
	}

	@Test
	void endsSpanWhenCompletableFutureCompletes() {
		CompletableFuture<String> future = new CompletableFuture<>();
		agent(ContentPolicy.disabled()).async(future);
		org.assertj.core.api.Assertions.assertThat(otel.getSpans()).isEmpty();
		future.complete("done");
		assertThat(otel.getSpans().get(0)).hasName("invoke_agent weather-agent").hasEnded();
	}

	@Test
	void recordsErrorWhenCompletableFutureFails() {
		CompletableFuture<String> future = new CompletableFuture<>();
		agent(ContentPolicy.disabled()).async(future);
		future.completeExceptionally(new IllegalArgumentException("boom"));
		assertThat(otel.getSpans().get(0)).hasAttribute(GenAiAttributes.ERROR_TYPE,
				IllegalArgumentException.class.getName());
	}

	@Test
	void endsSpanWhenCompletableFutureIsCancelled() {
		CompletableFuture<String> future = new CompletableFuture<>();
		agent(ContentPolicy.disabled()).async(future);
		future.cancel(true);
		org.assertj.core.api.Assertions.assertThat(otel.getSpans()).hasSize(1);
		assertThat(otel.getSpans().get(0)).hasStatus(io.opentelemetry.sdk.trace.data.StatusData.unset());
	}

	@Test
	void startsMonoSpanOnSubscriptionAndParentsWorkInside() {
		Agent agent = agent(ContentPolicy.disabled());
		Mono<String> mono = agent.mono();
		org.assertj.core.api.Assertions.assertThat(otel.getSpans()).isEmpty();
		org.assertj.core.api.Assertions.assertThat(mono.block()).isEqualTo("sunny");
		List<SpanData> spans = otel.getSpans();
		assertThat(spans).hasSize(2);
		assertThat(spans.get(0)).hasName("execute_tool get_weather").hasParent(spans.get(1));
	}

	@Test
	void recordsErrorWhenMonoFails() {
		Agent agent = agent(ContentPolicy.disabled());
		assertThatThrownBy(() -> agent.failingMono().block()).hasMessageContaining("down");
		assertThat(otel.getSpans().get(0)).hasAttribute(GenAiAttributes.ERROR_TYPE,
				IllegalStateException.class.getName());
	}

	@Test
	void endsFluxSpanOnCompleteWithAggregatedOutput() {
		agent(contentOn(4096)).flux().collectList().block();
		assertThat(otel.getSpans().get(0)).hasAttribute(OpenInferenceAttributes.OUTPUT_VALUE, "abc");
	}

	@Test
	void endsFluxSpanWhenCancelled() {
		agent(ContentPolicy.disabled()).flux().take(1).blockLast();
		org.assertj.core.api.Assertions.assertThat(otel.getSpans()).hasSize(1);
		assertThat(otel.getSpans().get(0)).hasEnded();
	}

	@Test
	void nestedCallOfTheSameToolRecordsOnTheOuterToolSpanAndAnotherToolGetsAChildSpan() {
		SpanLifecycle spans = new SpanLifecycle(otel.getOpenTelemetry(),
				List.of(new GenAiVocabulary(), new OpenInferenceVocabulary(), new MlflowVocabulary()), null);
		TracedMethodRegistry registry = new TracedMethodRegistry(new AgentDefaults(null, null, null, null), null);
		ProxyFactory innerFactory = new ProxyFactory(new InnerTools());
		innerFactory.addAdvisor(new ToolCallAdvisor(spans, contentOn(4096), registry));
		InnerTools inner = (InnerTools) innerFactory.getProxy();
		ProxyFactory outerFactory = new ProxyFactory(new OuterTools(inner));
		outerFactory.addAdvisor(new ToolCallAdvisor(spans, contentOn(4096), registry));
		OuterTools tools = (OuterTools) outerFactory.getProxy();
		org.assertj.core.api.Assertions.assertThat(tools.lookup("Paris")).isEqualTo("Paris: sunny, 21");
		List<SpanData> spansSeen = otel.getSpans();
		org.assertj.core.api.Assertions.assertThat(spansSeen).hasSize(2);
		SpanData temperature = spansSeen.get(0);
		SpanData lookup = spansSeen.get(1);
		assertThat(lookup).hasName("execute_tool lookup").hasNoParent();
		// the nested lookup recorded its arguments on the outer span: the last one written
		assertThat(lookup).hasAttribute(GenAiAttributes.TOOL_CALL_ARGUMENTS, "{\"city\":\"Paris/inner\"}");
		assertThat(temperature).hasName("execute_tool temperature").hasParent(lookup);
		// once the outer span ended, a call in its context starts a span of its own
		otel.clearSpans();
		try (io.opentelemetry.context.Scope scope = inner.remembered().makeCurrent()) {
			inner.lookup("Rome/later");
		}
		org.assertj.core.api.Assertions.assertThat(otel.getSpans()).hasSize(1);
	}

	static class OuterTools {

		final InnerTools inner;

		OuterTools(InnerTools inner) {
			this.inner = inner;
		}

		@ToolCall(name = "lookup")
		public String lookup(String city) {
			this.inner.rememberContext();
			return this.inner.lookup(city + "/inner") + ", " + this.inner.temperature(city);
		}

	}

	static class InnerTools {

		private io.opentelemetry.context.Context remembered = io.opentelemetry.context.Context.root();

		public void rememberContext() {
			this.remembered = io.opentelemetry.context.Context.current();
		}

		@ToolCall(name = "lookup")
		public String lookup(String city) {
			return city.substring(0, city.indexOf('/')) + ": sunny";
		}

		@ToolCall(name = "temperature")
		public String temperature(String city) {
			return "21";
		}

		public io.opentelemetry.context.Context remembered() {
			return this.remembered;
		}

	}

	@AgentInvoke(name = "weather-agent", version = "1.2")
	static class Agent {

		final Tools tools;

		Agent(Tools tools) {
			this.tools = tools;
		}

		public String answer(@ConversationId String conversationId, String question) {
			return "It is " + this.tools.weather("call-7", "Paris");
		}

		public String fail() {
			throw new IllegalStateException("nope");
		}

		public String identified(@ConversationId Object conversationId) {
			return "identified";
		}

		public CompletableFuture<String> async(CompletableFuture<String> future) {
			return future;
		}

		public Mono<String> mono() {
			return Mono.fromCallable(() -> this.tools.weather("c", "Rome"));
		}

		public Mono<String> failingMono() {
			return Mono.error(new IllegalStateException("down"));
		}

		public Flux<String> flux() {
			return Flux.just("a", "b", "c");
		}

	}

	static class Tools {

		static volatile String seenBaggage;

		@ToolCall(name = "get_weather", description = "Current weather")
		public String weather(@ToolCallId String callId, String city) {
			seenBaggage = Baggage.current().getEntryValue("gen_ai.conversation.id");
			return "sunny";
		}

	}

}
