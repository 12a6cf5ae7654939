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

package io.github.genaitracing.sample.model;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scripted, deterministic OpenAI-compatible chat model served on loopback, so that the
 * sample runs offline with Spring AI's real OpenAI client. It answers
 * {@code POST /chat/completions} and {@code POST /v1/chat/completions} (plain and
 * {@code stream=true}):
 * <ul>
 * <li>when the request offers tools and carries no tool result yet, it calls every
 * offered tool with the city named in the last user message;</li>
 * <li>otherwise it answers in text, from the tool results when there are some.</li>
 * </ul>
 * Usage numbers are derived from the request and response sizes.
 */
public final class ScriptedOpenAiModel implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CITY = Pattern.compile("\\bin\\s+(.+?)\\s*(?:[?.!]|$)", Pattern.CASE_INSENSITIVE);

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final AtomicLong ids = new AtomicLong();

	private ScriptedOpenAiModel(HttpServer server) {
		this.server = server;
	}

	/**
	 * Starts the model on {@code 127.0.0.1}.
	 * @param port the port, or 0 for any free port
	 * @return the running model
	 * @throws IOException if the port cannot be bound
	 */
	public static ScriptedOpenAiModel start(int port) throws IOException {
		// the JDK server writes headers and body apart: without TCP_NODELAY, Nagle's algorithm
		// and the client's delayed ACK hold every answer for ~40 ms
		System.setProperty("sun.net.httpserver.nodelay", "true");
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		ScriptedOpenAiModel model = new ScriptedOpenAiModel(server);
		server.createContext("/", model::chat);
		server.setExecutor(model.executor);
		server.start();
		return model;
	}

	/**
	 * Returns the base URL to give Spring AI ({@code spring.ai.openai.base-url}).
	 * @return the base URL
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void chat(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!exchange.getRequestURI().getPath().endsWith("/chat/completions")) {
				send(exchange, 404, "application/json", "{\"error\":{\"message\":\"not found\"}}"
					.getBytes(StandardCharsets.UTF_8));
				return;
			}
			JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
			String model = request.path("model").asString("gpt-4o-mini");
			List<String> tools = new ArrayList<>();
			request.path("tools").forEach((tool) -> tools.add(tool.path("function").path("name").asString()));
			List<String> toolResults = new ArrayList<>();
			String question = "";
			for (JsonNode message : request.path("messages")) {
				String role = message.path("role").asString();
				if ("tool".equals(role)) {
					toolResults.add(unquote(text(message.path("content"))));
				}
				else if ("user".equals(role)) {
					question = text(message.path("content"));
				}
			}
			String city = city(question);
			Map<String, Object> reply;
			if (!tools.isEmpty() && toolResults.isEmpty()) {
				List<Map<String, Object>> calls = new ArrayList<>();
				for (String tool : tools) {
					calls.add(Map.of("id", "call_" + this.ids.incrementAndGet(), "type", "function", "function",
							Map.of("name", tool, "arguments", JSON.writeValueAsString(Map.of("city", city)))));
				}
				reply = message(null, calls);
			}
			else if (!toolResults.isEmpty()) {
				reply = message("Here is what I found for " + city + ": " + String.join(" ", toolResults), null);
			}
			else {
				reply = message("Forecast for " + city + ": sunny, 21°C, light wind from the west.", null);
			}
			int promptTokens = 10 + question.length() / 4 + toolResults.stream().mapToInt(String::length).sum() / 4;
			String content = (String) reply.get("content");
			int completionTokens = 5 + ((content != null) ? content.length() / 4 : 12);
			String finishReason = (reply.get("tool_calls") != null) ? "tool_calls" : "stop";
			if (request.path("stream").asBoolean(false)) {
				stream(exchange, model, reply, finishReason, promptTokens, completionTokens);
			}
			else {
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("id", "chatcmpl-sample-" + this.ids.incrementAndGet());
				body.put("object", "chat.completion");
				body.put("created", System.currentTimeMillis() / 1000);
				body.put("model", model);
				body.put("choices", List.of(Map.of("index", 0, "message", reply, "finish_reason", finishReason)));
				body.put("usage", Map.of("prompt_tokens", promptTokens, "completion_tokens", completionTokens,
						"total_tokens", promptTokens + completionTokens));
				send(exchange, "application/json", JSON.writeValueAsBytes(body));
			}
		}
		catch (RuntimeException ex) {
			send(exchange, 400, "application/json",
					("{\"error\":{\"message\":\"scripted model: " + ex.getClass().getSimpleName() + "\"}}")
						.getBytes(StandardCharsets.UTF_8));
		}
	}

	private void stream(HttpExchange exchange, String model, Map<String, Object> reply, String finishReason,
			int promptTokens, int completionTokens) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		OutputStream out = exchange.getResponseBody();
		String id = "chatcmpl-sample-" + this.ids.incrementAndGet();
		String content = (String) reply.get("content");
		List<Map<String, Object>> deltas = new ArrayList<>();
		if (content != null) {
			for (String word : content.split("(?<= )")) {
				deltas.add(Map.of("role", "assistant", "content", word));
			}
		}
		else {
			Map<String, Object> delta = new LinkedHashMap<>(reply);
			deltas.add(delta);
		}
		for (Map<String, Object> delta : deltas) {
			event(out, Map.of("id", id, "object", "chat.completion.chunk", "model", model, "choices",
					List.of(Map.of("index", 0, "delta", delta))));
		}
		event(out, Map.of("id", id, "object", "chat.completion.chunk", "model", model, "choices",
				List.of(Map.of("index", 0, "delta", Map.of(), "finish_reason", finishReason)), "usage",
				Map.of("prompt_tokens", promptTokens, "completion_tokens", completionTokens, "total_tokens",
						promptTokens + completionTokens)));
		out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static void event(OutputStream out, Object chunk) throws IOException {
		out.write(("data: " + JSON.writeValueAsString(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static Map<String, Object> message(String content, List<Map<String, Object>> toolCalls) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("role", "assistant");
		message.put("content", content);
		if (toolCalls != null) {
			message.put("tool_calls", toolCalls);
		}
		return message;
	}

	private static String text(JsonNode content) {
		if (content.isString()) {
			return content.asString();
		}
		StringBuilder text = new StringBuilder();
		content.forEach((part) -> text.append(part.path("text").asString("")));
		return text.toString();
	}

	private static String unquote(String text) {
		if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
			try {
				return JSON.readValue(text, String.class);
			}
			catch (RuntimeException ex) {
				return text;
			}
		}
		return text;
	}

	/**
	 * The city a question names ({@code "… in Paris?"}), {@code Paris} when none.
	 */
	static String city(String question) {
		Matcher matcher = CITY.matcher(question);
		String city = null;
		while (matcher.find()) {
			city = matcher.group(1);
		}
		return (city != null && !city.isBlank()) ? city.trim() : "Paris";
	}

	private static void send(HttpExchange exchange, String contentType, byte[] body) throws IOException {
		send(exchange, 200, contentType, body);
	}

	private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
	}

}
