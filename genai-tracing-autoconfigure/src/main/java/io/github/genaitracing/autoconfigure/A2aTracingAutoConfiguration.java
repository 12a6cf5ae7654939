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

import io.micrometer.observation.ObservationFilter;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.genaitracing.a2a.A2aBufferedBytes;
import io.github.genaitracing.a2a.A2aCallerContextFilter;
import io.github.genaitracing.a2a.A2aServerObservationHandler;
import io.github.genaitracing.a2a.A2aServerSpanNaming;
import io.github.genaitracing.a2a.A2aTracingFilter;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.AgentDefaults;
import io.github.genaitracing.core.SpanLifecycle;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for tracing inbound A2A JSON-RPC
 * requests.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = GenAiTracingAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ OncePerRequestFilter.class, FilterRegistrationBean.class })
@ConditionalOnBean(SpanLifecycle.class)
@ConditionalOnBooleanProperty(name = GenAiTracingProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = GenAiTracingProperties.PREFIX + ".a2a.enabled", matchIfMissing = true)
public final class A2aTracingAutoConfiguration {

	/**
	 * Default order of the filter ({@code genai.tracing.a2a.filter-order}): just after
	 * Spring Boot's HTTP server observation filter, so that the A2A span is a child of the
	 * HTTP server span.
	 */
	public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	/**
	 * Order of the filter that hides the caller's trace context from Spring Boot's HTTP
	 * server observation filter (ordered {@code HIGHEST_PRECEDENCE + 1}) for the parent
	 * policies that start a new trace.
	 */
	public static final int CALLER_CONTEXT_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE;

	@Bean
	@ConditionalOnMissingBean
	A2aBufferedBytes genAiA2aBufferedBytes() {
		return new A2aBufferedBytes();
	}

	@Bean
	@ConditionalOnMissingBean(name = "a2aTracingFilter")
	FilterRegistrationBean<A2aTracingFilter> a2aTracingFilter(SpanLifecycle spans, ContentPolicy contentPolicy,
			AgentDefaults agent, OpenTelemetry openTelemetry, GenAiTracingProperties properties,
			A2aBufferedBytes bufferedBytes) {
		GenAiTracingProperties.A2a a2a = properties.getA2a();
		A2aTracingFilter filter = new A2aTracingFilter(spans, contentPolicy, agent, openTelemetry,
				new A2aTracingFilter.Settings(a2a.getPaths(), a2a.getExcludes(), a2a.getMaxBodySize().toBytes(),
						(int) Math.min(Integer.MAX_VALUE, a2a.getMaxResponseSize().toBytes()), a2a.getParent(),
						a2a.getLayout(), a2a.getUserId(), a2a.isConversationIdFromBaggage(),
						properties.getBaggage().getConversationIdKey()),
				bufferedBytes);
		FilterRegistrationBean<A2aTracingFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(a2a.getFilterOrder());
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	/**
	 * With the parent policies {@code new-trace-with-link} and {@code ignore}: runs before
	 * Spring Boot's HTTP server observation filter, so that the server span of an A2A
	 * request starts a new trace.
	 */
	@Bean
	@ConditionalOnMissingBean(name = "a2aCallerContextFilter")
	@ConditionalOnExpression("'${genai.tracing.a2a.parent:continue}'.toLowerCase().replace('_', '-') != 'continue'")
	FilterRegistrationBean<A2aCallerContextFilter> a2aCallerContextFilter(OpenTelemetry openTelemetry,
			GenAiTracingProperties properties) {
		GenAiTracingProperties.A2a a2a = properties.getA2a();
		FilterRegistrationBean<A2aCallerContextFilter> registration = new FilterRegistrationBean<>(
				new A2aCallerContextFilter(openTelemetry, a2a.getPaths(), a2a.getExcludes()));
		registration.setOrder(CALLER_CONTEXT_FILTER_ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	/**
	 * Starts Spring Boot's HTTP server span of an A2A request directly on the
	 * OpenTelemetry API ({@code genai.tracing.a2a.direct-server-span}).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ServerRequestObservationContext.class, TracingObservationHandler.class, OtelSpan.class })
	@ConditionalOnBean({ Tracer.class, io.opentelemetry.api.trace.Tracer.class })
	@ConditionalOnBooleanProperty(name = GenAiTracingProperties.PREFIX + ".a2a.direct-server-span",
			matchIfMissing = true)
	static class DirectServerSpanConfiguration {

		@Bean
		@Order(SpringAiTracingAutoConfiguration.CHAT_MODEL_HANDLER_ORDER)
		@ConditionalOnMissingBean
		A2aServerObservationHandler genAiA2aServerObservationHandler(Tracer tracer,
				io.opentelemetry.api.trace.Tracer otelTracer, OpenTelemetry openTelemetry,
				GenAiTracingProperties properties) {
			GenAiTracingProperties.A2a a2a = properties.getA2a();
			return new A2aServerObservationHandler(tracer, otelTracer,
					openTelemetry.getPropagators().getTextMapPropagator(), a2a.getPaths(), a2a.getExcludes());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ObservationFilter.class, ServerRequestObservationContext.class })
	static class ServerSpanNamingConfiguration {

		/**
		 * Names Spring Boot's HTTP server span of an A2A request after the request.
		 */
		@Bean
		@ConditionalOnMissingBean
		A2aServerSpanNaming a2aServerSpanNaming() {
			return new A2aServerSpanNaming();
		}

	}

}
