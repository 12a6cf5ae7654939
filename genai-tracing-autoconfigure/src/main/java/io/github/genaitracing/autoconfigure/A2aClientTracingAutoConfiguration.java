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

import java.util.Map;

import io.a2a.client.http.A2AHttpClient;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import io.github.genaitracing.a2a.A2aClientCallTracer;
import io.github.genaitracing.a2a.A2aClientTracingInterceptor;
import io.github.genaitracing.a2a.A2aWebClientTracingFilter;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.SpanLifecycle;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for tracing calls to remote A2A
 * agents: made with {@link RestClient}s and {@link WebClient}s built from the
 * application's builders, and with the A2A Java SDK through {@link A2AHttpClient} beans.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = GenAiTracingAutoConfiguration.class)
@ConditionalOnBean(SpanLifecycle.class)
@ConditionalOnBooleanProperty(name = GenAiTracingProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = GenAiTracingProperties.PREFIX + ".a2a.client.enabled", matchIfMissing = true)
public final class A2aClientTracingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	A2aClientCallTracer genAiA2aClientCallTracer(SpanLifecycle spans, ContentPolicy contentPolicy,
			OpenTelemetry openTelemetry, GenAiTracingProperties properties) {
		GenAiTracingProperties.A2a a2a = properties.getA2a();
		return new A2aClientCallTracer(spans, contentPolicy, openTelemetry,
				new A2aClientCallTracer.Settings(Map.copyOf(a2a.getClient().getAgentNames()),
						a2a.getMaxBodySize().toBytes(),
						(int) Math.min(Integer.MAX_VALUE, a2a.getMaxResponseSize().toBytes())));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RestClient.class, RestClientCustomizer.class })
	static final class RestClientTracingConfiguration {

		@Bean
		RestClientCustomizer genAiA2aClientTracingCustomizer(A2aClientCallTracer tracer) {
			A2aClientTracingInterceptor interceptor = new A2aClientTracingInterceptor(tracer);
			return (builder) -> builder.requestInterceptor(interceptor);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClient.class, WebClientCustomizer.class })
	static final class WebClientTracingConfiguration {

		@Bean
		WebClientCustomizer genAiA2aWebClientTracingCustomizer(A2aClientCallTracer tracer) {
			A2aWebClientTracingFilter filter = new A2aWebClientTracingFilter(tracer);
			return (builder) -> builder.filter(filter);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(A2AHttpClient.class)
	static final class A2aSdkTracingConfiguration {

		@Bean
		static A2aHttpClientTracingPostProcessor genAiA2aHttpClientTracingPostProcessor(
				ObjectProvider<A2aClientCallTracer> tracer) {
			return new A2aHttpClientTracingPostProcessor(tracer);
		}

	}

}
