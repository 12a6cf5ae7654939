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

package io.github.genaitracing.sample.a2a;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

import io.opentelemetry.context.Context;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves an agent over A2A JSON-RPC: {@code message/send} and {@code SendMessage} answer a
 * completed task; {@code message/stream} and {@code SendStreamingMessage} stream a
 * {@code working} status at once, then the answer and a {@code completed} status, from
 * an executor thread (the trace context goes along).
 */
public final class A2aJsonRpcHandler implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BiFunction<String, String, String> agent;

	private final ExecutorService streams = Context.taskWrapping(Executors.newFixedThreadPool(4));

	/**
	 * Creates a handler.
	 * @param agent answers a text in a conversation: {@code (contextId, text) -> answer}
	 */
	public A2aJsonRpcHandler(BiFunction<String, String, String> agent) {
		this.agent = agent;
	}

	/**
	 * Handles one JSON-RPC request.
	 * @param body the request body
	 * @return a JSON response or an SSE emitter
	 */
	public Object handle(byte[] body) {
		JsonNode json;
		try {
			json = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			return ResponseEntity.ok(A2aProtocol.error(null, -32700, "Invalid JSON payload"));
		}
		if (json == null || !json.isObject() || !"2.0".equals(json.path("jsonrpc").asString(""))) {
			return ResponseEntity.ok(A2aProtocol.error(null, A2aProtocol.INVALID_REQUEST, "Invalid request"));
		}
		A2aProtocol.Request request = A2aProtocol.Request.of(json);
		if (!request.sendsMessage()) {
			return ResponseEntity.ok(A2aProtocol.error(request.id(), A2aProtocol.METHOD_NOT_FOUND,
					"Method not found: " + request.method()));
		}
		if (request.text().isBlank()) {
			return ResponseEntity.ok(A2aProtocol.error(request.id(), A2aProtocol.INVALID_PARAMS,
					"The message has no text part"));
		}
		String taskId = UUID.randomUUID().toString();
		if (!request.streaming()) {
			String answer = this.agent.apply(request.contextId(), request.text());
			return ResponseEntity.ok(A2aProtocol.completedTask(request, taskId, answer));
		}
		SseEmitter emitter = new SseEmitter(60_000L);
		try {
			emitter.send(A2aProtocol.statusUpdate(request, taskId, "working", false), MediaType.APPLICATION_JSON);
		}
		catch (IOException ex) {
			emitter.completeWithError(ex);
			return emitter;
		}
		this.streams.execute(() -> {
			try {
				String answer = this.agent.apply(request.contextId(), request.text());
				emitter.send(A2aProtocol.artifactUpdate(request, taskId, answer), MediaType.APPLICATION_JSON);
				emitter.send(A2aProtocol.statusUpdate(request, taskId, "completed", true), MediaType.APPLICATION_JSON);
				emitter.complete();
			}
			catch (IOException | RuntimeException ex) {
				emitter.completeWithError(ex);
			}
		});
		return emitter;
	}

	/**
	 * An agent card for an agent served by this handler.
	 * @param name the agent name
	 * @param description what it does
	 * @param url its JSON-RPC URL
	 * @return the card
	 */
	public static Map<String, Object> agentCard(String name, String description, String url) {
		return Map.ofEntries(Map.entry("name", name), Map.entry("description", description), Map.entry("url", url),
				Map.entry("version", "1.0.0"), Map.entry("protocolVersion", "0.3.0"),
				Map.entry("preferredTransport", "JSONRPC"),
				Map.entry("capabilities", Map.of("streaming", true, "pushNotifications", false)),
				Map.entry("defaultInputModes", List.of("text/plain")),
				Map.entry("defaultOutputModes", List.of("text/plain")),
				Map.entry("skills", List.of(Map.of("id", name, "name", name, "description", description, "tags",
						List.of("weather")))));
	}

	@Override
	public void close() {
		this.streams.shutdownNow();
	}

}
