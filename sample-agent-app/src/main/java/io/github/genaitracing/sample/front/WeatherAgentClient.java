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
