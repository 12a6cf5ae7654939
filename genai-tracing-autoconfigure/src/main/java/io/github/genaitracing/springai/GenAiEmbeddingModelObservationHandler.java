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
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Tracer;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;

import io.github.genaitracing.core.SpanHandle;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.semconv.GenAiProviders;
import io.github.genaitracing.spi.EmbeddingsCall;
import io.github.genaitracing.spi.GenAiOperation;
import io.github.genaitracing.spi.GenAiResponse;
import io.github.genaitracing.spi.TokenUsage;

/**
 * Makes the span of each Spring AI {@code EmbeddingModel} observation a GenAI
 * {@code embeddings {model}} CLIENT span written through {@link SpanLifecycle}.
 *
 * @since 0.1.0
 */
public final class GenAiEmbeddingModelObservationHandler
		extends GenAiSpanObservationHandler<EmbeddingModelObservationContext> {

	/**
	 * Creates the handler.
	 * @param tracer the Micrometer tracer
	 * @param spans the span writer
	 */
	public GenAiEmbeddingModelObservationHandler(Tracer tracer, SpanLifecycle spans) {
		this(tracer, spans, Map.of());
	}

	/**
	 * Creates the handler.
	 * @param tracer the Micrometer tracer
	 * @param spans the span writer
	 * @param configuredServers the base URI each provider's own properties configure, by
	 * {@code gen_ai.provider.name}: a span's {@code server.address} when the call's client
	 * options carry none, until the endpoint of the call's HTTP request is seen
	 */
	public GenAiEmbeddingModelObservationHandler(Tracer tracer, SpanLifecycle spans,
			Map<String, URI> configuredServers) {
		super(tracer, spans, configuredServers);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof EmbeddingModelObservationContext;
	}

	@Override
	GenAiOperation operation(EmbeddingModelObservationContext context) {
		EmbeddingOptions options = context.getRequest().getOptions();
		String provider = GenAiProviders.fromSpringAi(context.getOperationMetadata().provider());
		EmbeddingsCall.Builder operation = GenAiOperation.embeddings((options != null) ? options.getModel() : null)
			.providerName(provider);
		server(operation, provider, options);
		return operation.build();
	}

	@Override
	void started(SpanHandle span, EmbeddingModelObservationContext context) {
	}

	@Override
	void stopped(SpanHandle span, EmbeddingModelObservationContext context) {
		EmbeddingResponse response = context.getResponse();
		if (response == null) {
			return;
		}
		Long dimensions = response.getResults().isEmpty() ? null
				: (long) response.getResults().get(0).getOutput().length;
		String responseModel = emptyToNull(response.getMetadata().getModel());
		span.recordResponse(new GenAiResponse(null, responseModel, java.util.List.of(), dimensions));
		Usage usage = response.getMetadata().getUsage();
		if (usage != null && usage.getPromptTokens() != null) {
			span.recordUsage(new TokenUsage(toLong(usage.getPromptTokens()), null, null, null, null));
		}
	}

}
