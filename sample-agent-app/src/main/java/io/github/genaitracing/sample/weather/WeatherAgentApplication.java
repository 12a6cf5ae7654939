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

package io.github.genaitracing.sample.weather;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.github.genaitracing.sample.a2a.A2aJsonRpcHandler;

/**
 * The weather agent: answers forecasts over A2A JSON-RPC with one Spring AI chat call,
 * and serves its forecast tool over MCP (streamable HTTP at {@code /mcp}).
 */
@SpringBootApplication
public class WeatherAgentApplication {

	/**
	 * Starts the weather agent alone. {@code spring-boot:process-aot} runs it to generate
	 * the weather agent's AOT code; the sample is started by
	 * {@code SampleAgentApplication}.
	 * @param args command-line arguments
	 */
	public static void main(String[] args) {
		application(Map.of()).run(args);
	}

	/**
	 * Returns the weather agent's application, configured by {@code weather-agent.yml}.
	 * Its main class is set so that, in AOT mode, it finds its own generated initializer
	 * (both agents run in one JVM).
	 * @param defaults default properties
	 * @return the application builder
	 */
	public static SpringApplicationBuilder application(Map<String, Object> defaults) {
		Map<String, Object> properties = new HashMap<>(defaults);
		properties.put("spring.config.name", "weather-agent");
		return new SpringApplicationBuilder(WeatherAgentApplication.class).main(WeatherAgentApplication.class)
			.properties(properties);
	}

	/**
	 * The tools Spring AI's MCP server serves.
	 * @param tools the forecast tools
	 * @return their callbacks
	 */
	@Bean
	ToolCallbackProvider forecastToolCallbacks(ForecastTools tools) {
		return MethodToolCallbackProvider.builder().toolObjects(tools).build();
	}

	/**
	 * The weather agent's A2A endpoint and agent card.
	 */
	@RestController
	static class WeatherAgentController {

		private final A2aJsonRpcHandler a2a;

		WeatherAgentController(ChatModel chatModel) {
			this.a2a = new A2aJsonRpcHandler((contextId, text) -> chatModel.call(text));
		}

		@PostMapping("/a2a")
		Object a2a(@RequestBody byte[] body) {
			return this.a2a.handle(body);
		}

		@GetMapping("/.well-known/agent-card.json")
		Map<String, Object> agentCard(HttpServletRequest request) {
			String url = ServletUriComponentsBuilder.fromContextPath(request).path("/a2a").toUriString();
			return A2aJsonRpcHandler.agentCard("weather-agent", "Weather forecasts of cities", url);
		}

	}

}
