package io.github.genaitracing.sample.weather;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.github.genaitracing.sample.a2a.A2aJsonRpcHandler;

/**
 * The weather agent: answers forecasts over A2A JSON-RPC with one Spring AI chat call.
 */
@SpringBootApplication
public class WeatherAgentApplication {

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
