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

package io.github.genaitracing.sample;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.genaitracing.sample.front.FrontAgentApplication;
import io.github.genaitracing.sample.model.ScriptedOpenAiModel;
import io.github.genaitracing.sample.weather.WeatherAgentApplication;

/**
 * The running sample: the scripted model (when offline), the weather agent and the front
 * agent, each agent an application context of its own with its own port and
 * configuration file ({@code application.yml} and {@code weather-agent.yml}). The front
 * agent calls the weather agent over A2A and uses its MCP tool; the weather agent starts
 * first, so that the front agent's MCP client connects to it at start-up.
 *
 * @since 0.1.0
 */
public final class SampleAgents implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(SampleAgents.class);

	private static final String BASE_URL = "spring.ai.openai.base-url";

	private final @Nullable ScriptedOpenAiModel model;

	private final ConfigurableApplicationContext weather;

	private final ConfigurableApplicationContext front;

	private SampleAgents(@Nullable ScriptedOpenAiModel model, ConfigurableApplicationContext weather,
			ConfigurableApplicationContext front) {
		this.model = model;
		this.weather = weather;
		this.front = front;
	}

	/**
	 * Starts the sample. Without {@code spring.ai.openai.base-url} (argument, system
	 * property or {@code SPRING_AI_OPENAI_BASE_URL}), both agents use the scripted model.
	 * @param args command-line arguments, applied to both agents
	 * @return the running sample
	 * @throws IOException if the scripted model cannot start
	 */
	public static SampleAgents start(String... args) throws IOException {
		ScriptedOpenAiModel model = isConfigured(args) ? null : ScriptedOpenAiModel.start(0);
		Map<String, Object> defaults = new HashMap<>();
		// closed by close(), the front agent first: its MCP client holds a stream open to the
		// weather agent, whose graceful shutdown would otherwise wait for it
		defaults.put("spring.main.register-shutdown-hook", false);
		if (model != null) {
			defaults.put(BASE_URL, model.baseUrl());
			defaults.put("spring.ai.openai.api-key", "offline-sample-key");
		}
		ConfigurableApplicationContext weather = WeatherAgentApplication.application(defaults).run(args);
		Map<String, Object> frontDefaults = new HashMap<>(defaults);
		String weatherUrl = "http://127.0.0.1:" + port(weather);
		frontDefaults.put("sample.weather-agent.url", weatherUrl + "/a2a");
		frontDefaults.put("genai.tracing.a2a.client.agent-names[" + weatherUrl + "]", "weather-agent");
		frontDefaults.put("spring.ai.mcp.client.streamable-http.connections.weather-agent.url", weatherUrl);
		ConfigurableApplicationContext front = FrontAgentApplication.application(frontDefaults).run(args);
		SampleAgents agents = new SampleAgents(model, weather, front);
		logger.info("Front agent (A2A JSON-RPC): http://localhost:" + agents.frontPort() + "/a2a, weather agent: "
				+ "http://localhost:" + agents.weatherPort() + "/a2a (MCP: http://localhost:" + agents.weatherPort()
				+ "/mcp), model: "
				+ ((model != null) ? "scripted, " + model.baseUrl() : "configured provider"));
		logger.info("Trace view: http://localhost:" + agents.frontPort() + "/genai-tracing (weather agent: http://localhost:"
				+ agents.weatherPort() + "/genai-tracing)");
		return agents;
	}

	private static boolean isConfigured(String[] args) {
		return Arrays.stream(args).anyMatch((arg) -> arg.startsWith("--" + BASE_URL + "="))
				|| System.getProperty(BASE_URL) != null || System.getenv("SPRING_AI_OPENAI_BASE_URL") != null;
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/**
	 * Returns the front agent's context.
	 * @return the context
	 */
	public ConfigurableApplicationContext front() {
		return this.front;
	}

	/**
	 * Returns the weather agent's context.
	 * @return the context
	 */
	public ConfigurableApplicationContext weather() {
		return this.weather;
	}

	/**
	 * Returns the front agent's port.
	 * @return the port
	 */
	public int frontPort() {
		return port(this.front);
	}

	/**
	 * Returns the weather agent's port.
	 * @return the port
	 */
	public int weatherPort() {
		return port(this.weather);
	}

	@Override
	public void close() {
		this.front.close();
		this.weather.close();
		if (this.model != null) {
			this.model.close();
		}
	}

}
