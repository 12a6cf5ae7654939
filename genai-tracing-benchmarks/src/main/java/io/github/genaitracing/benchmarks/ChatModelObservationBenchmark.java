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

package io.github.genaitracing.benchmarks;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.springai.GenAiChatModelObservationHandler;
import io.github.genaitracing.vocabulary.GenAiVocabulary;
import io.github.genaitracing.vocabulary.MlflowVocabulary;
import io.github.genaitracing.vocabulary.OpenInferenceVocabulary;

/**
 * One {@code ChatModel} call as Spring AI observes it (its observation documentation,
 * context and default convention around an in-process model that answers at once),
 * traced by Micrometer's default tracing handler alone (Spring AI's default span) and
 * with genai-tracing's chat handler ahead of it, as Boot groups them. Both write through
 * the same OpenTelemetry SDK: a batch span processor and an exporter that discards.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChatModelObservationBenchmark {

	private final DefaultChatModelObservationConvention convention = new DefaultChatModelObservationConvention();

	private Prompt prompt;

	private ChatResponse response;

	private OpenTelemetrySdk sdk;

	private ObservationRegistry springAiDefault;

	private ObservationRegistry genAiTracing;

	@Setup
	public void setUp() {
		OpenTelemetrySdk sdk = DiscardingSdk.create();
		this.sdk = sdk;
		OtelCurrentTraceContext currentTraceContext = new OtelCurrentTraceContext();
		OtelTracer tracer = new OtelTracer(sdk.getTracer("bench"), currentTraceContext, (event) -> {
		}, new OtelBaggageManager(currentTraceContext, List.of(), List.of()));
		this.springAiDefault = ObservationRegistry.create();
		this.springAiDefault.observationConfig()
			.observationHandler(new FirstMatchingCompositeObservationHandler(new DefaultTracingObservationHandler(tracer)));
		SpanLifecycle spans = new SpanLifecycle(sdk,
				List.of(new GenAiVocabulary(), new OpenInferenceVocabulary(), new MlflowVocabulary()),
				"gen_ai.conversation.id");
		this.genAiTracing = ObservationRegistry.create();
		this.genAiTracing.observationConfig()
			.observationHandler(new FirstMatchingCompositeObservationHandler(
					new GenAiChatModelObservationHandler(tracer, spans, ContentPolicy.disabled(),
							Map.of("openai", URI.create("http://127.0.0.1:8080"))),
					new DefaultTracingObservationHandler(tracer)));
		this.prompt = new Prompt("Weather in Paris?",
				ChatOptions.builder().model("gpt-4o-mini").temperature(0.3).maxTokens(256).build());
		this.response = new ChatResponse(
				List.of(new Generation(new AssistantMessage("rainy"),
						ChatGenerationMetadata.builder().finishReason("STOP").build())),
				ChatResponseMetadata.builder()
					.id("chatcmpl-1")
					.model("gpt-4o-mini-2024-07-18")
					.usage(new DefaultUsage(22, 9))
					.build());
	}

	/**
	 * Spring AI's default: Micrometer's tracing handler makes an INTERNAL span from the
	 * convention's key values.
	 * @return the response
	 */
	@TearDown
	public void tearDown() {
		this.sdk.close();
	}

	@Benchmark
	public ChatResponse springAiDefault() {
		return call(this.springAiDefault);
	}

	/**
	 * genai-tracing: the chat handler makes the CLIENT span in three vocabularies.
	 * @return the response
	 */
	@Benchmark
	public ChatResponse genAiTracing() {
		return call(this.genAiTracing);
	}

	private ChatResponse call(ObservationRegistry registry) {
		ChatModelObservationContext context = ChatModelObservationContext.builder()
			.prompt(this.prompt)
			.provider("openai")
			.build();
		return ChatModelObservationDocumentation.CHAT_MODEL_OPERATION
			.observation(null, this.convention, () -> context, registry)
			.observe(() -> {
				context.setResponse(this.response);
				return this.response;
			});
	}

}
