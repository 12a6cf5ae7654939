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

package io.github.genaitracing.sample.front;

import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import io.github.genaitracing.context.GenAiContext;
import io.github.genaitracing.sample.a2a.A2aProtocol;

/**
 * Calls the weather agent over A2A JSON-RPC with a {@link RestClient} built from Boot's
 * builder, so that genai-tracing wraps each call in an {@code invoke_agent} CLIENT span
 * and propagates the trace and the conversation id.
 */
@Component
public class WeatherAgentClient {

	private final RestClient restClient;

	WeatherAgentClient(RestClient.Builder builder, @Value("${sample.weather-agent.url}") String url) {
		this.restClient = builder.baseUrl(url).build();
	}

	/**
	 * Asks the weather agent for a forecast, in the current conversation.
	 * @param city the city
	 * @return the weather agent's answer
	 */
	public String forecast(String city) {
		String conversationId = GenAiContext.currentConversationId();
		JsonNode response = this.restClient.post()
			.contentType(MediaType.APPLICATION_JSON)
			.body(A2aProtocol.sendMessage((conversationId != null) ? conversationId : UUID.randomUUID().toString(),
					"Forecast in " + city))
			.retrieve()
			.body(JsonNode.class);
		return (response != null) ? A2aProtocol.text(response) : "";
	}

}
