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

package io.github.genaitracing.mcp;

import java.util.concurrent.CountDownLatch;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/**
 * An MCP server on stdio, run as a child process by {@link McpStdioServerTracingTests}:
 * Spring AI's MCP server starter with {@code spring.ai.mcp.server.stdio=true}, traced by
 * genai-tracing and exporting over OTLP to the endpoint given as an argument. Nothing but
 * MCP messages may go to standard output, so there is no banner and no console log.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class StdioWeatherServer {

	/**
	 * Serves until the parent closes the pipe (and ends the process).
	 * @param args {@code --key=value} properties: the OTLP endpoint and export settings
	 * @throws InterruptedException when interrupted
	 */
	public static void main(String[] args) throws InterruptedException {
		new SpringApplicationBuilder(StdioWeatherServer.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("spring.ai.mcp.server.stdio=true", "spring.ai.mcp.server.name=stdio-weather",
					"spring.ai.mcp.server.annotation-scanner.enabled=false", "spring.ai.mcp.client.enabled=false",
					"spring.application.name=stdio-weather", "logging.pattern.console=",
					"management.otlp.metrics.export.enabled=false", "spring.ai.openai.api-key=unused",
					"genai.tracing.capture-content=span")
			.run(args);
		new CountDownLatch(1).await();
	}

	@Bean
	ToolCallbackProvider stdioTools() {
		return MethodToolCallbackProvider.builder().toolObjects(new StdioTools()).build();
	}

	static class StdioTools {

		@Tool(name = "get_forecast", description = "Forecast for a city")
		public String getForecast(String city) {
			return "It is sunny in " + city + ".";
		}

		@Tool(name = "current_context", description = "The trace and conversation the tool runs in")
		public String currentContext() {
			return Span.current().getSpanContext().getTraceId() + " "
					+ Baggage.current().getEntryValue("gen_ai.conversation.id");
		}

		@Tool(name = "broken_tool", description = "Always fails")
		public String broken() {
			throw new IllegalStateException("broken");
		}

	}

}
