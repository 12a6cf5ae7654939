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

package io.github.genaitracing.springai;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.content.GenAiToolDefinition;
import io.github.genaitracing.core.FailSafe;
import io.github.genaitracing.core.SpanHandle;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.semconv.GenAiProviders;
import io.github.genaitracing.spi.CapturedContent;
import io.github.genaitracing.spi.ChatCall;
import io.github.genaitracing.spi.GenAiMessage;
import io.github.genaitracing.spi.GenAiOperation;
import io.github.genaitracing.spi.GenAiResponse;
import io.github.genaitracing.spi.RequestOptions;
import io.github.genaitracing.spi.TokenUsage;

/**
 * Makes the span of each Spring AI {@code ChatModel} observation a GenAI
 * {@code chat {model}} CLIENT span written through {@link SpanLifecycle}, in place of the
 * INTERNAL span Micrometer's default tracing handler would make: it sits first in Boot's
 * tracing handler group, so exactly one span is made per call.
 *
 * @since 0.1.0
 */
public final class GenAiChatModelObservationHandler extends GenAiSpanObservationHandler<ChatModelObservationContext> {

	private final ContentPolicy contentPolicy;

	/**
	 * Creates the handler.
	 * @param tracer the Micrometer tracer
	 * @param spans the span writer
	 * @param contentPolicy the content policy
	 */
	public GenAiChatModelObservationHandler(Tracer tracer, SpanLifecycle spans, ContentPolicy contentPolicy) {
		this(tracer, spans, contentPolicy, Map.of());
	}

	/**
	 * Creates the handler.
	 * @param tracer the Micrometer tracer
	 * @param spans the span writer
	 * @param contentPolicy the content policy
	 * @param configuredServers the base URI each provider's own properties configure, by
	 * {@code gen_ai.provider.name}: a span's {@code server.address} when the call's client
	 * options carry none, until the endpoint of the call's HTTP request is seen
	 */
	public GenAiChatModelObservationHandler(Tracer tracer, SpanLifecycle spans, ContentPolicy contentPolicy,
			Map<String, URI> configuredServers) {
		super(tracer, spans, configuredServers);
		this.contentPolicy = contentPolicy;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatModelObservationContext;
	}

	@Override
	GenAiOperation operation(ChatModelObservationContext context) {
		ChatOptions options = context.getRequest().getOptions();
		String provider = GenAiProviders.fromSpringAi(context.getOperationMetadata().provider());
		ChatCall.Builder operation = GenAiOperation.chat((options != null) ? options.getModel() : null)
			.providerName(provider)
			.requestOptions(requestOptions(options, context.isStreaming()));
		server(operation, provider, options);
		return operation.build();
	}

	@Override
	void started(SpanHandle span, ChatModelObservationContext context) {
		if (context.isStreaming()) {
			FirstChunkProbe probe = FirstChunkProbe.claim();
			if (probe != null) {
				probe.attach(span.startNanos(), span::recordTimeToFirstChunk);
			}
		}
		GenAiInferenceEvents.Content event = this.contentPolicy.isEventEnabled() ? eventContent(context) : null;
		if (this.contentPolicy.isEnabled() || event != null) {
			Prompt prompt = context.getRequest();
			CapturedContent input = FailSafe.get(this,
					() -> this.contentPolicy.captureMessages(SpringAiMessages.input(prompt.getInstructions())));
			// system instructions are recorded apart only for a provider whose API takes them apart;
			// otherwise they are part of the chat history, in the input messages
			List<GenAiMessage.Part> instructions = GenAiProviders
				.takesSystemInstructionsApart(span.operation().providerName())
						? SpringAiMessages.systemInstructions(prompt.getInstructions()) : List.of();
			String instructionsJson = instructions.isEmpty() ? null
					: this.contentPolicy.captureSystemInstructions(instructions);
			List<GenAiToolDefinition> tools = SpringAiMessages.toolDefinitions(prompt.getOptions());
			String toolsJson = tools.isEmpty() ? null : this.contentPolicy.captureToolDefinitions(tools);
			if (this.contentPolicy.isEnabled()) {
				span.recordInput(input);
				if (instructionsJson != null) {
					span.recordSystemInstructions(instructionsJson);
				}
				if (toolsJson != null) {
					span.recordToolDefinitions(toolsJson);
				}
			}
			if (event != null) {
				event.input(input, instructionsJson, toolsJson);
			}
		}
	}

	@Override
	void stopped(SpanHandle span, ChatModelObservationContext context) {
		ChatResponse response = context.getResponse();
		if (response == null) {
			return;
		}
		ChatResponseMetadata metadata = response.getMetadata();
		List<String> finishReasons = SpringAiMessages.finishReasons(response);
		String responseModel = emptyToNull(metadata.getModel());
		span.recordResponse(new GenAiResponse(emptyToNull(metadata.getId()), responseModel, finishReasons));
		TokenUsage usage = SpringAiUsage.of(span.operation().providerName(), metadata.getUsage());
		if (usage != null) {
			span.recordUsage(usage);
		}
		GenAiInferenceEvents.Content event = this.contentPolicy.isEventEnabled() ? eventContent(context) : null;
		if (this.contentPolicy.isEnabled() || event != null) {
			CapturedContent output = FailSafe.get("content capture",
					() -> this.contentPolicy.captureMessages(SpringAiMessages.output(response)));
			String finishReason = finishReasons.isEmpty() ? null : finishReasons.get(0);
			if (this.contentPolicy.isEnabled()) {
				span.recordOutput(output, finishReason);
			}
			if (event != null) {
				event.output(output, finishReason);
			}
		}
	}

	private static RequestOptions requestOptions(@Nullable ChatOptions options, boolean streaming) {
		Boolean stream = streaming ? Boolean.TRUE : null;
		if (options == null) {
			return new RequestOptions(null, null, null, null, null, null, null, null, null, stream,
					null, null);
		}
		return new RequestOptions(options.getTemperature(), options.getTopP(),
				(options.getTopK() != null) ? options.getTopK().doubleValue() : null, options.getFrequencyPenalty(),
				options.getPresencePenalty(), toLong(options.getMaxTokens()), ProviderOptions.seed(options),
				ProviderOptions.choiceCount(options), options.getStopSequences(), stream, null, null,
				ProviderOptions.outputType(options));
	}

}
