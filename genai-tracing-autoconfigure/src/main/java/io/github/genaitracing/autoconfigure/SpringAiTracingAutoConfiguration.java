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

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.OpenTelemetry;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import org.springframework.ai.chat.client.ChatClientCustomizer;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.observation.KeptFrameworkObservationHandler;
import io.github.genaitracing.observation.UntracedObservationHandler;
import io.github.genaitracing.semconv.GenAiAttributes.ProviderName;
import io.github.genaitracing.springai.GenAiChatModelObservationHandler;
import io.github.genaitracing.springai.GenAiEmbeddingModelObservationHandler;
import io.github.genaitracing.springai.GenAiInferenceEvents;
import io.github.genaitracing.springai.SpringAiFrameworkObservations;
import io.github.genaitracing.springai.GenAiStreamTimingAdvisor;
import io.github.genaitracing.springai.GenAiToolCallingObservationHandler;
import io.github.genaitracing.springai.ModelEndpointObservationHandler;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that maps Spring AI chat model,
 * embedding model and tool calling observations onto GenAI {@code chat {model}} and
 * {@code embeddings {model}} CLIENT and {@code execute_tool {tool}} spans, and times the
 * first chunk of ChatClient streams.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = GenAiTracingAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration")
@ConditionalOnClass({ ChatModelObservationContext.class, TracingObservationHandler.class, OtelSpan.class })
@ConditionalOnBean({ SpanLifecycle.class, Tracer.class })
@ConditionalOnBooleanProperty(name = GenAiTracingProperties.PREFIX + ".enabled", matchIfMissing = true)
public final class SpringAiTracingAutoConfiguration {

	/**
	 * Order of the chat model handler: ahead of Micrometer's default tracing handler in
	 * Boot's tracing handler group, so that it makes the span.
	 */
	public static final int CHAT_MODEL_HANDLER_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	/** The Spring AI property prefix of each provider's client, by provider name. */
	private static final Map<String, String> PROVIDER_PROPERTIES = Map.of(ProviderName.OPENAI, "spring.ai.openai",
			ProviderName.ANTHROPIC, "spring.ai.anthropic", ProviderName.OLLAMA, "spring.ai.ollama",
			ProviderName.MISTRAL_AI, "spring.ai.mistralai", ProviderName.DEEPSEEK, "spring.ai.deepseek");

	@Bean
	@ConditionalOnMissingBean
	@Order(CHAT_MODEL_HANDLER_ORDER)
	GenAiChatModelObservationHandler genAiChatModelObservationHandler(Tracer tracer, SpanLifecycle spans,
			ContentPolicy contentPolicy, Environment environment) {
		return new GenAiChatModelObservationHandler(tracer, spans, contentPolicy,
				configuredServers(environment, "chat"));
	}

	@Bean
	@ConditionalOnMissingBean
	@Order(CHAT_MODEL_HANDLER_ORDER)
	GenAiToolCallingObservationHandler genAiToolCallingObservationHandler(Tracer tracer, SpanLifecycle spans,
			ContentPolicy contentPolicy) {
		return new GenAiToolCallingObservationHandler(tracer, spans, contentPolicy);
	}

	@Bean
	@ConditionalOnMissingBean
	@Order(CHAT_MODEL_HANDLER_ORDER)
	GenAiEmbeddingModelObservationHandler genAiEmbeddingModelObservationHandler(Tracer tracer, SpanLifecycle spans,
			Environment environment) {
		return new GenAiEmbeddingModelObservationHandler(tracer, spans, configuredServers(environment, "embedding"));
	}

	/**
	 * Records on each chat and embedding span the host and port its HTTP request went to,
	 * whatever the provider, when its HTTP client is observed.
	 */
	@Bean
	@ConditionalOnMissingBean
	ModelEndpointObservationHandler genAiModelEndpointObservationHandler() {
		return new ModelEndpointObservationHandler();
	}

	/**
	 * The {@code gen_ai.client.inference.operation.details} events, when content capture
	 * includes events ({@code event-only}, {@code span-and-event}).
	 */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(OpenTelemetry.class)
	GenAiInferenceEvents genAiInferenceEvents(OpenTelemetry openTelemetry, ContentPolicy contentPolicy,
			GenAiTracingProperties properties, Environment environment,
			ObjectProvider<GenAiChatModelObservationHandler> chatHandler,
			ObjectProvider<GenAiEmbeddingModelObservationHandler> embeddingHandler) {
		GenAiInferenceEvents events = new GenAiInferenceEvents(openTelemetry,
				GenAiTracingAutoConfiguration.semconvMode(properties, environment));
		if (contentPolicy.isEventEnabled()) {
			chatHandler.ifAvailable((handler) -> handler.setEvents(events));
			embeddingHandler.ifAvailable((handler) -> handler.setEvents(events));
		}
		return events;
	}

	/**
	 * Spring AI's ChatClient and advisor observations: left out of the trace by default
	 * (the chat and tool spans inside them become children of the enclosing span), or
	 * kept without the deprecated {@code gen_ai.system}. Their timers stay either way.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ChatClientObservationContext.class)
	static class FrameworkObservationsConfiguration {

		@Bean
		@Order(CHAT_MODEL_HANDLER_ORDER)
		@ConditionalOnBooleanProperty(name = GenAiTracingProperties.PREFIX + ".spring-ai.framework-spans",
				havingValue = false, matchIfMissing = true)
		UntracedObservationHandler genAiSpringAiFrameworkObservationHandler(Tracer tracer) {
			return new UntracedObservationHandler(tracer, new SpringAiFrameworkObservations(),
					UntracedObservationHandler.Mode.TRANSPARENT);
		}

		@Bean
		@Order(CHAT_MODEL_HANDLER_ORDER)
		@ConditionalOnBooleanProperty(name = GenAiTracingProperties.PREFIX + ".spring-ai.framework-spans")
		KeptFrameworkObservationHandler genAiKeptSpringAiFrameworkObservationHandler(Tracer tracer) {
			return new KeptFrameworkObservationHandler(tracer, new SpringAiFrameworkObservations());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ChatClientCustomizer.class)
	static class ChatClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		GenAiStreamTimingAdvisor genAiStreamTimingAdvisor() {
			return new GenAiStreamTimingAdvisor();
		}

		@Bean
		ChatClientCustomizer genAiStreamTimingChatClientCustomizer(GenAiStreamTimingAdvisor advisor) {
			return (builder) -> builder.defaultAdvisors(advisor);
		}

	}

	/**
	 * The base URI each provider's own Spring AI properties configure, keyed by
	 * {@code gen_ai.provider.name}.
	 */
	static Map<String, URI> configuredServers(Environment environment, String model) {
		Map<String, URI> servers = new HashMap<>();
		PROVIDER_PROPERTIES.forEach((provider, prefix) -> {
			String baseUrl = environment.getProperty(prefix + "." + model + ".base-url",
					environment.getProperty(prefix + ".base-url"));
			if (baseUrl != null && !baseUrl.isBlank()) {
				try {
					URI uri = URI.create(baseUrl.trim());
					if (uri.getHost() != null) {
						servers.put(provider, uri);
					}
				}
				catch (IllegalArgumentException ex) {
					// not a URI: no server for this provider
				}
			}
		});
		return servers;
	}

}
