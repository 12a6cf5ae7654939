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

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.github.genaitracing.sample.a2a.A2aJsonRpcHandler;

/**
 * The front agent's HTTP endpoints: A2A JSON-RPC at {@code /a2a}, its agent card, and a
 * plain {@code /ask}.
 */
@RestController
public class FrontAgentController {

	private final TravelAssistant assistant;

	private final A2aJsonRpcHandler a2a;

	FrontAgentController(TravelAssistant assistant) {
		this.assistant = assistant;
		this.a2a = new A2aJsonRpcHandler((contextId, text) -> assistant.answer(text));
	}

	/**
	 * A2A JSON-RPC: {@code message/send}, {@code message/stream}, {@code SendMessage},
	 * {@code SendStreamingMessage}.
	 * @param body the request body
	 * @return the JSON-RPC response or event stream
	 */
	@PostMapping("/a2a")
	public Object a2a(@RequestBody byte[] body) {
		return this.a2a.handle(body);
	}

	/**
	 * The agent card.
	 * @param request the request, for the agent's URL
	 * @return the card
	 */
	@GetMapping("/.well-known/agent-card.json")
	public Map<String, Object> agentCard(HttpServletRequest request) {
		String url = ServletUriComponentsBuilder.fromContextPath(request).path("/a2a").toUriString();
		return A2aJsonRpcHandler.agentCard("front-agent", "Travel assistant: forecast and local time of a city", url);
	}

	/**
	 * Asks outside A2A: {@code {"conversationId": "...", "question": "..."}}.
	 * @param request the request
	 * @return the answer
	 */
	@PostMapping("/ask")
	public Map<String, String> ask(@RequestBody Map<String, String> request) {
		String conversationId = request.getOrDefault("conversationId", UUID.randomUUID().toString());
		return Map.of("conversationId", conversationId, "answer",
				this.assistant.ask(conversationId, request.getOrDefault("question", "")));
	}

}
