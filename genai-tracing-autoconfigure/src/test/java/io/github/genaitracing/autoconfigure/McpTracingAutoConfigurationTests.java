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

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.Test;
import org.springframework.ai.mcp.client.common.autoconfigure.NamedClientMcpTransport;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.mcp.McpHttpRequestObserver;
import io.github.genaitracing.mcp.McpServerTracingFilter;
import io.github.genaitracing.mcp.McpSpans;
import io.github.genaitracing.mcp.TracingMcpClientTransport;
import io.github.genaitracing.core.SpanLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpTracingAutoConfiguration}: which MCP transports and endpoints are
 * traced, depending on the class path, the application type and the properties.
 */
class McpTracingAutoConfigurationTests {

	private static final RouterFunction<ServerResponse> ROUTER = RouterFunctions.route()
		.GET("/mcp", (request) -> ServerResponse.ok().build())
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GenAiTracingAutoConfiguration.class,
				McpTracingAutoConfiguration.class))
		.withBean(OpenTelemetry.class, OpenTelemetry::noop);

	private final WebApplicationContextRunner webContextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GenAiTracingAutoConfiguration.class,
				McpTracingAutoConfiguration.class))
		.withBean(OpenTelemetry.class, OpenTelemetry::noop);

	@Test
	void wrapsAnMcpClientTransportBeanDeclaredByItsInterface() {
		this.contextRunner.withBean(McpClientTransport.class, McpTracingAutoConfigurationTests::transport)
			.run((context) -> {
				assertThat(context).hasSingleBean(McpSpans.class).hasSingleBean(McpHttpRequestObserver.class);
				McpClientTransport transport = context.getBean(McpClientTransport.class);
				assertThat(transport).isInstanceOf(TracingMcpClientTransport.class);
				assertThat(((TracingMcpClientTransport) transport).getDelegate())
					.isInstanceOf(HttpClientStreamableHttpTransport.class);
			});
	}

	@Test
	void leavesATransportDeclaredWithAConcreteTypeAsItIs() {
		this.contextRunner
			.withBean(HttpClientStreamableHttpTransport.class,
					() -> HttpClientStreamableHttpTransport.builder("http://127.0.0.1:1").build())
			.run((context) -> assertThat(context.getBean(HttpClientStreamableHttpTransport.class))
				.isNotInstanceOf(TracingMcpClientTransport.class));
	}

	@Test
	void wrapsTheTransportsOfSpringAisMcpClientStarter() {
		this.contextRunner.withUserConfiguration(NamedTransports.class).run((context) -> {
			List<?> transports = context.getBean("streamableHttpHttpClientTransports", List.class);
			assertThat(transports).singleElement()
				.isInstanceOfSatisfying(NamedClientMcpTransport.class, (named) -> {
					assertThat(named.name()).isEqualTo("weather");
					assertThat(named.transport()).isInstanceOf(TracingMcpClientTransport.class);
				});
		});
	}

	@Test
	void leavesTransportsAloneWhenTheClientSideIsOff() {
		this.contextRunner.withBean(McpClientTransport.class, McpTracingAutoConfigurationTests::transport)
			.withPropertyValues("genai.tracing.mcp.client.enabled=false")
			.run((context) -> {
				assertThat(context.getBean(McpClientTransport.class)).isNotInstanceOf(TracingMcpClientTransport.class);
				assertThat(context).doesNotHaveBean(McpHttpRequestObserver.class);
			});
	}

	@Test
	void leavesEverythingAloneWhenTracingIsOff() {
		this.contextRunner.withBean(McpClientTransport.class, McpTracingAutoConfigurationTests::transport)
			.withPropertyValues("genai.tracing.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(McpSpans.class);
				assertThat(context.getBean(McpClientTransport.class)).isNotInstanceOf(TracingMcpClientTransport.class);
			});
	}

	@Test
	void startsWithoutTheMcpSdk() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(McpSchema.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(McpSpans.class));
	}

	@Test
	void startsWithoutSpringAi() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.ai"))
			.withBean(McpClientTransport.class, McpTracingAutoConfigurationTests::transport)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(McpClientTransport.class)).isInstanceOf(TracingMcpClientTransport.class);
			});
	}

	@Test
	void userSpansWin() {
		McpSpans custom = new McpSpans(OpenTelemetry.noop(), new SpanLifecycle(OpenTelemetry.noop(), List.of(), null),
				ContentPolicy.disabled(), null, null);
		this.contextRunner.withBean("customMcpSpans", McpSpans.class, () -> custom)
			.run((context) -> assertThat(context).hasSingleBean(McpSpans.class).hasBean("customMcpSpans"));
	}

	@Test
	void filtersTheRouterFunctionsOfSpringAisServerTransportsOnly() {
		this.webContextRunner.withBean("webMvcStreamableServerRouterFunction", RouterFunction.class, () -> ROUTER)
			.withBean("applicationRouterFunction", RouterFunction.class, () -> ROUTER)
			.run((context) -> {
				assertThat(context).hasSingleBean(McpServerTracingFilter.class);
				assertThat(context.getBean("webMvcStreamableServerRouterFunction")).isNotSameAs(ROUTER);
				assertThat(context.getBean("applicationRouterFunction")).isSameAs(ROUTER);
			});
	}

	@Test
	void leavesServerRoutersAloneWhenTheServerSideIsOff() {
		this.webContextRunner.withBean("webMvcStreamableServerRouterFunction", RouterFunction.class, () -> ROUTER)
			.withPropertyValues("genai.tracing.mcp.server.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(McpServerTracingFilter.class);
				assertThat(context.getBean("webMvcStreamableServerRouterFunction")).isSameAs(ROUTER);
			});
	}

	@Test
	void hasNoServerSideOutsideServletWebApplications() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(McpServerTracingFilter.class));
	}

	@Test
	void tracesTheToolSpecificationsOfAServerTheFilterDoesNotSee() {
		this.contextRunner.withUserConfiguration(ToolSpecifications.class).run((context) -> {
			assertThat(handlerOfSyncTools(context)).isNotSameAs(HANDLER);
			assertThat(context.getBean("singleTool", McpServerFeatures.SyncToolSpecification.class).callHandler())
				.isNotSameAs(HANDLER);
		});
	}

	@Test
	void leavesToolSpecificationsToTheFilterOnAWebMvcServer() {
		this.webContextRunner.withUserConfiguration(ToolSpecifications.class)
			.withBean("webMvcStreamableServerRouterFunction", RouterFunction.class, () -> ROUTER)
			.run((context) -> assertThat(handlerOfSyncTools(context)).isSameAs(HANDLER));
	}

	@Test
	void leavesToolSpecificationsAloneWhenTheServerSideIsOff() {
		this.contextRunner.withUserConfiguration(ToolSpecifications.class)
			.withPropertyValues("genai.tracing.mcp.server.enabled=false")
			.run((context) -> assertThat(handlerOfSyncTools(context)).isSameAs(HANDLER));
	}

	private static Object handlerOfSyncTools(ApplicationContext context) {
		List<?> tools = context.getBean("syncTools", List.class);
		assertThat(tools).hasSize(1);
		return ((McpServerFeatures.SyncToolSpecification) tools.get(0)).callHandler();
	}

	private static McpClientTransport transport() {
		return HttpClientStreamableHttpTransport.builder("http://127.0.0.1:1").build();
	}

	private static final BiFunction<McpSyncServerExchange, McpSchema.CallToolRequest, McpSchema.CallToolResult> HANDLER = (
			exchange, request) -> McpSchema.CallToolResult.builder().addTextContent("ok").build();

	private static McpServerFeatures.SyncToolSpecification tool(String name) {
		return new McpServerFeatures.SyncToolSpecification(
				McpSchema.Tool.builder().name(name).inputSchema(Map.of("type", "object")).build(), HANDLER);
	}

	@Configuration(proxyBeanMethods = false)
	static class ToolSpecifications {

		@Bean
		List<McpServerFeatures.SyncToolSpecification> syncTools() {
			return List.of(tool("get_forecast"));
		}

		@Bean
		McpServerFeatures.SyncToolSpecification singleTool() {
			return tool("local_time");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NamedTransports {

		@Bean
		List<NamedClientMcpTransport> streamableHttpHttpClientTransports() {
			return List.of(new NamedClientMcpTransport("weather", transport()));
		}

	}

}
