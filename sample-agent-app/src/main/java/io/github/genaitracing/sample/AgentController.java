package io.github.genaitracing.sample;

import java.util.Map;
import java.util.UUID;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP entry point of the sample agent.
 *
 * @since 0.1.0
 */
@RestController
public class AgentController {

	private final FrontAgent agent;

	AgentController(FrontAgent agent) {
		this.agent = agent;
	}

	/**
	 * Asks the agent a question: {@code {"conversationId": "...", "question": "..."}}.
	 * @param request the request
	 * @return the answer
	 */
	@PostMapping("/ask")
	public Map<String, String> ask(@RequestBody Map<String, String> request) {
		String conversationId = request.getOrDefault("conversationId", UUID.randomUUID().toString());
		return Map.of("conversationId", conversationId, "answer",
				this.agent.answer(conversationId, request.getOrDefault("question", "")));
	}

}
