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

import io.micrometer.core.instrument.MeterRegistry;
import io.modelcontextprotocol.client.transport.customizer.McpSyncHttpClientRequestCustomizer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.api.OpenTelemetry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.function.RouterFunction;

import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.mcp.McpHttpRequestObserver;
import io.github.genaitracing.mcp.McpMetrics;
import io.github.genaitracing.mcp.McpServerTracingFilter;
import io.github.genaitracing.mcp.McpSpans;
import io.github.genaitracing.core.SpanLifecycle;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for tracing the Model Context
 * Protocol when the MCP Java SDK is on the classpath: requests sent through MCP client
 * transports (Spring AI's MCP client starter, or {@code McpClientTransport} beans) and
 * requests received by Spring AI's WebMVC MCP server transports.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = GenAiTracingAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(McpSchema.class)
@ConditionalOnBean(SpanLifecycle.class)
@ConditionalOnBooleanProperty(name = GenAiTracingProperties.PREFIX + ".enabled", matchIfMissing = true)
public final class McpTracingAutoConfiguration {

	private static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

	@Bean
	@ConditionalOnMissingBean
	McpSpans genAiMcpSpans(OpenTelemetry openTelemetry, SpanLifecycle lifecycle, ContentPolicy contentPolicy,
			GenAiTracingProperties properties, ApplicationContext applicationContext) {
		McpMetrics metrics = null;
		if (properties.getMetrics().isEnabled()
				&& ClassUtils.isPresent(METER_REGISTRY, McpTracingAutoConfiguration.class.getClassLoader())) {
			metrics = Metrics.create(applicationContext);
		}
		return new McpSpans(openTelemetry, lifecycle, contentPolicy, properties.getBaggage().getConversationIdKey(),
				metrics);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(McpClientTransport.class)
	@ConditionalOnBooleanProperty(name = GenAiTracingProperties.PREFIX + ".mcp.client.enabled", matchIfMissing = true)
	static final class ClientConfiguration {

		@Bean
		static McpClientTracingPostProcessor genAiMcpClientTracingPostProcessor(ObjectProvider<McpSpans> spans,
				ObjectProvider<GenAiTracingProperties> properties) {
			return new McpClientTracingPostProcessor(spans, properties);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnClass(McpSyncHttpClientRequestCustomizer.class)
		McpHttpRequestObserver genAiMcpHttpRequestObserver() {
			return new McpHttpRequestObserver();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RouterFunction.class)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnBooleanProperty(name = GenAiTracingProperties.PREFIX + ".mcp.server.enabled", matchIfMissing = true)
	static final class ServerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		McpServerTracingFilter genAiMcpServerTracingFilter(McpSpans spans, GenAiTracingProperties properties) {
			GenAiTracingProperties.Mcp mcp = properties.getMcp();
			return new McpServerTracingFilter(spans, mcp.getMaxBodySize().toBytes(),
					(int) Math.min(Integer.MAX_VALUE, mcp.getMaxResponseSize().toBytes()));
		}

		@Bean
		static McpServerTracingPostProcessor genAiMcpServerTracingPostProcessor(
				ObjectProvider<McpServerTracingFilter> filter) {
			return new McpServerTracingPostProcessor(filter);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(McpServerFeatures.class)
	@ConditionalOnBooleanProperty(name = GenAiTracingProperties.PREFIX + ".mcp.server.enabled", matchIfMissing = true)
	static final class ToolConfiguration {

		@Bean
		static McpServerToolTracingPostProcessor genAiMcpServerToolTracingPostProcessor(
				ObjectProvider<McpSpans> spans) {
			return new McpServerToolTracingPostProcessor(spans);
		}

	}

	/**
	 * Kept apart so that Micrometer is only loaded when present.
	 */
	private static final class Metrics {

		static @Nullable McpMetrics create(ApplicationContext applicationContext) {
			MeterRegistry registry = applicationContext.getBeanProvider(MeterRegistry.class).getIfAvailable();
			return (registry != null) ? new McpMetrics(registry) : null;
		}

	}

}
