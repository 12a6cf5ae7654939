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

package io.github.genaitracing.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAI-compatible model server on 127.0.0.1 for tests and offline demos: answers
 * {@code POST /v1/chat/completions} (plain and SSE streaming, text and tool calls, errors,
 * delays) and {@code POST /v1/embeddings} from a script, and records every request.
 *
 * @since 0.1.0
 */
public final class OpenAiStubServer implements AutoCloseable {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final HttpServer server;

	private final ExecutorService executor;

	private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger ids = new AtomicInteger();

	private volatile Function<ChatRequest, Reply> responder = (request) -> Reply.text("ok");

	private OpenAiStubServer(int port) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
		this.executor = Executors.newCachedThreadPool((runnable) -> {
			Thread thread = new Thread(runnable, "openai-stub");
			thread.setDaemon(true);
			return thread;
		});
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/**
	 * Starts a server on a free port.
	 * @return the started server
	 */
	public static OpenAiStubServer start() {
		return start(0);
	}

	/**
	 * Starts a server on the given port (0 for a free one).
	 * @param port the port
	 * @return the started server
	 */
	public static OpenAiStubServer start(int port) {
		try {
			return new OpenAiStubServer(port);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start the OpenAI stub", ex);
		}
	}

	/**
	 * Returns the base URL, such as {@code http://127.0.0.1:12345}; OpenAI clients append
	 * {@code /v1/chat/completions}.
	 * @return the base URL
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	/**
	 * Returns the port.
	 * @return the port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Queues replies, used in order before the responder.
	 * @param replies the replies
	 * @return this server
	 */
	public OpenAiStubServer enqueue(Reply... replies) {
		Collections.addAll(this.script, replies);
		return this;
	}

	/**
	 * Sets the function that answers chat requests when no queued reply is left.
	 * @param responder the responder
	 * @return this server
	 */
	public OpenAiStubServer respondWith(Function<ChatRequest, Reply> responder) {
		this.responder = responder;
		return this;
	}

	/**
	 * Returns the requests received so far.
	 * @return the requests
	 */
	public List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * Forgets queued replies and recorded requests.
	 */
	public void reset() {
		this.script.clear();
		this.requests.clear();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			Map<String, String> headers = new LinkedHashMap<>();
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
			String path = exchange.getRequestURI().getPath();
			String text = new String(body, StandardCharsets.UTF_8);
			this.requests.add(new RecordedRequest(exchange.getRequestMethod(), path, headers, text));
			JsonNode json;
			try {
				json = MAPPER.readTree(text);
			}
			catch (RuntimeException ex) {
				send(exchange, 400, "application/json", "{\"error\":{\"message\":\"invalid JSON\"}}");
				return;
			}
			if (path.endsWith("/embeddings")) {
				embeddings(exchange, json);
			}
			else if (path.endsWith("/chat/completions")) {
				ChatRequest request = new ChatRequest(json);
				Reply reply = this.script.poll();
				chat(exchange, request, (reply != null) ? reply : this.responder.apply(request));
			}
			else {
				send(exchange, 404, "application/json", "{\"error\":{\"message\":\"not found\"}}");
			}
		}
	}

	private void chat(HttpExchange exchange, ChatRequest request, Reply reply) throws IOException {
		pause(reply.delay());
		if (reply.status() != 200) {
			send(exchange, reply.status(), "application/json", reply.errorBody());
			return;
		}
		String id = "chatcmpl-stub" + this.ids.incrementAndGet();
		String model = responseModel(request.model());
		if (request.stream()) {
			stream(exchange, request, reply, id, model);
			return;
		}
		ObjectNode response = MAPPER.createObjectNode();
		response.put("id", id);
		response.put("object", "chat.completion");
		response.put("created", 1_760_000_000L);
		response.put("model", model);
		ObjectNode choice = response.putArray("choices").addObject();
		choice.put("index", 0);
		ObjectNode message = choice.putObject("message");
		message.put("role", "assistant");
		if (reply.toolCalls().isEmpty()) {
			message.put("content", reply.text());
		}
		else {
			message.putNull("content");
			ArrayNode calls = message.putArray("tool_calls");
			for (ToolCall call : reply.toolCalls()) {
				ObjectNode node = calls.addObject();
				node.put("id", call.id());
				node.put("type", "function");
				node.putObject("function").put("name", call.name()).put("arguments", call.arguments());
			}
		}
		choice.put("finish_reason", reply.finishReason());
		usage(response.putObject("usage"), reply);
		send(exchange, 200, "application/json", MAPPER.writeValueAsString(response));
	}

	private void stream(HttpExchange exchange, ChatRequest request, Reply reply, String id, String model)
			throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		OutputStream out = exchange.getResponseBody();
		List<ObjectNode> deltas = new ArrayList<>();
		if (reply.toolCalls().isEmpty()) {
			String text = reply.text();
			int size = Math.max(1, reply.chunkSize());
			for (int i = 0; i < text.length(); i += size) {
				ObjectNode delta = MAPPER.createObjectNode();
				if (i == 0) {
					delta.put("role", "assistant");
				}
				delta.put("content", text.substring(i, Math.min(text.length(), i + size)));
				deltas.add(delta);
			}
		}
		else {
			ObjectNode delta = MAPPER.createObjectNode().put("role", "assistant");
			ArrayNode calls = delta.putArray("tool_calls");
			int index = 0;
			for (ToolCall call : reply.toolCalls()) {
				ObjectNode node = calls.addObject();
				node.put("index", index++);
				node.put("id", call.id());
				node.put("type", "function");
				node.putObject("function").put("name", call.name()).put("arguments", call.arguments());
			}
			deltas.add(delta);
		}
		for (ObjectNode delta : deltas) {
			event(out, chunk(id, model, delta, null));
			pause(reply.chunkDelay());
		}
		event(out, chunk(id, model, MAPPER.createObjectNode(), reply.finishReason()));
		JsonNode streamOptions = request.json().get("stream_options");
		if (streamOptions != null && streamOptions.path("include_usage").asBoolean(false)) {
			ObjectNode usageChunk = MAPPER.createObjectNode();
			usageChunk.put("id", id);
			usageChunk.put("object", "chat.completion.chunk");
			usageChunk.put("created", 1_760_000_000L);
			usageChunk.put("model", model);
			usageChunk.putArray("choices");
			usage(usageChunk.putObject("usage"), reply);
			event(out, usageChunk);
		}
		out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private ObjectNode chunk(String id, String model, ObjectNode delta, @Nullable String finishReason) {
		ObjectNode chunk = MAPPER.createObjectNode();
		chunk.put("id", id);
		chunk.put("object", "chat.completion.chunk");
		chunk.put("created", 1_760_000_000L);
		chunk.put("model", model);
		ObjectNode choice = chunk.putArray("choices").addObject();
		choice.put("index", 0);
		choice.set("delta", delta);
		if (finishReason != null) {
			choice.put("finish_reason", finishReason);
		}
		else {
			choice.putNull("finish_reason");
		}
		return chunk;
	}

	private void event(OutputStream out, JsonNode data) throws IOException {
		out.write(("data: " + MAPPER.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private void usage(ObjectNode usage, Reply reply) {
		usage.put("prompt_tokens", reply.promptTokens());
		usage.put("completion_tokens", reply.completionTokens());
		usage.put("total_tokens", reply.promptTokens() + reply.completionTokens());
		usage.putObject("prompt_tokens_details").put("cached_tokens", reply.cachedTokens());
		usage.putObject("completion_tokens_details").put("reasoning_tokens", reply.reasoningTokens());
	}

	private void embeddings(HttpExchange exchange, JsonNode json) throws IOException {
		JsonNode input = json.path("input");
		int count = input.isArray() ? input.size() : 1;
		int dimensions = json.path("dimensions").asInt(8);
		ObjectNode response = MAPPER.createObjectNode();
		response.put("object", "list");
		ArrayNode data = response.putArray("data");
		for (int i = 0; i < count; i++) {
			ObjectNode item = data.addObject();
			item.put("object", "embedding");
			item.put("index", i);
			ArrayNode vector = item.putArray("embedding");
			for (int d = 0; d < dimensions; d++) {
				vector.add((d + 1) / 10.0);
			}
		}
		response.put("model", responseModel(json.path("model").asString("text-embedding-3-small")));
		response.putObject("usage").put("prompt_tokens", 5 * count).put("total_tokens", 5 * count);
		send(exchange, 200, "application/json", MAPPER.writeValueAsString(response));
	}

	private static String responseModel(String requested) {
		return requested.matches(".*-\\d{4}-\\d{2}-\\d{2}$") ? requested : requested + "-2024-07-18";
	}

	private static void pause(Duration delay) {
		if (!delay.isZero()) {
			try {
				Thread.sleep(delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	/**
	 * A chat request as received.
	 *
	 * @param json the request body
	 */
	public record ChatRequest(JsonNode json) {

		/**
		 * Returns the requested model.
		 * @return the model
		 */
		public String model() {
			return this.json.path("model").asString("gpt-4o-mini");
		}

		/**
		 * Returns whether the request asks for a stream.
		 * @return whether streaming
		 */
		public boolean stream() {
			return this.json.path("stream").asBoolean(false);
		}

		/**
		 * Returns the role of the last message.
		 * @return the role, or an empty string
		 */
		public String lastRole() {
			JsonNode messages = this.json.path("messages");
			return messages.isEmpty() ? "" : messages.get(messages.size() - 1).path("role").asString("");
		}

		/**
		 * Returns the text of the last user message.
		 * @return the text, or an empty string
		 */
		public String lastUserText() {
			JsonNode messages = this.json.path("messages");
			for (int i = messages.size() - 1; i >= 0; i--) {
				JsonNode message = messages.get(i);
				if ("user".equals(message.path("role").asString(""))) {
					JsonNode content = message.path("content");
					if (content.isArray()) {
						StringBuilder text = new StringBuilder();
						content.forEach((part) -> text.append(part.path("text").asString("")));
						return text.toString();
					}
					return content.asString("");
				}
			}
			return "";
		}

		/**
		 * Returns the content of the last tool message.
		 * @return the content, or an empty string
		 */
		public String lastToolResult() {
			JsonNode messages = this.json.path("messages");
			for (int i = messages.size() - 1; i >= 0; i--) {
				JsonNode message = messages.get(i);
				if ("tool".equals(message.path("role").asString(""))) {
					return message.path("content").asString("");
				}
			}
			return "";
		}

		/**
		 * Returns the names of the tools offered.
		 * @return the tool names
		 */
		public List<String> toolNames() {
			List<String> names = new ArrayList<>();
			this.json.path("tools").forEach((tool) -> names.add(tool.path("function").path("name").asString("")));
			return names;
		}

	}

	/**
	 * A request as received: method, path, lower-case headers and body.
	 *
	 * @param method the HTTP method
	 * @param path the path
	 * @param headers the headers, names in lower case
	 * @param body the body
	 */
	public record RecordedRequest(String method, String path, Map<String, String> headers, String body) {
	}

	/**
	 * A tool call in a reply.
	 *
	 * @param id the call id
	 * @param name the tool name
	 * @param arguments the arguments JSON
	 */
	public record ToolCall(String id, String name, String arguments) {
	}

	/**
	 * A scripted reply.
	 *
	 * @param status the HTTP status
	 * @param errorBody the body of an error reply
	 * @param text the assistant text
	 * @param toolCalls the tool calls (then the text is ignored)
	 * @param finishReason the OpenAI finish reason
	 * @param promptTokens the prompt tokens
	 * @param completionTokens the completion tokens
	 * @param cachedTokens the cached prompt tokens
	 * @param reasoningTokens the reasoning tokens
	 * @param delay the delay before answering
	 * @param chunkSize characters per streamed chunk
	 * @param chunkDelay the delay between streamed chunks
	 */
	public record Reply(int status, String errorBody, String text, List<ToolCall> toolCalls, String finishReason,
			int promptTokens, int completionTokens, int cachedTokens, int reasoningTokens, Duration delay,
			int chunkSize, Duration chunkDelay) {

		/**
		 * A text answer with default usage (22 prompt, 9 completion tokens).
		 * @param text the text
		 * @return the reply
		 */
		public static Reply text(String text) {
			return new Reply(200, "", text, List.of(), "stop", 22, 9, 0, 0, Duration.ZERO, 4, Duration.ZERO);
		}

		/**
		 * A tool call answer.
		 * @param id the call id
		 * @param name the tool name
		 * @param arguments the arguments JSON
		 * @return the reply
		 */
		public static Reply toolCall(String id, String name, String arguments) {
			return new Reply(200, "", "", List.of(new ToolCall(id, name, arguments)), "tool_calls", 30, 12, 0, 0,
					Duration.ZERO, 4, Duration.ZERO);
		}

		/**
		 * An error answer in OpenAI's error shape.
		 * @param status the HTTP status, such as 429 or 500
		 * @param code the OpenAI error code
		 * @return the reply
		 */
		public static Reply error(int status, String code) {
			return new Reply(status, "{\"error\":{\"message\":\"stub error\",\"type\":\"" + code + "\",\"code\":\""
					+ code + "\"}}", "", List.of(), "stop", 0, 0, 0, 0, Duration.ZERO, 4, Duration.ZERO);
		}

		/**
		 * Returns this reply with other token counts.
		 * @param prompt prompt tokens
		 * @param completion completion tokens
		 * @param cached cached prompt tokens
		 * @param reasoning reasoning tokens
		 * @return the reply
		 */
		public Reply withUsage(int prompt, int completion, int cached, int reasoning) {
			return new Reply(this.status, this.errorBody, this.text, this.toolCalls, this.finishReason, prompt,
					completion, cached, reasoning, this.delay, this.chunkSize, this.chunkDelay);
		}

		/**
		 * Returns this reply answered after a delay.
		 * @param delay the delay
		 * @return the reply
		 */
		public Reply delayed(Duration delay) {
			return new Reply(this.status, this.errorBody, this.text, this.toolCalls, this.finishReason,
					this.promptTokens, this.completionTokens, this.cachedTokens, this.reasoningTokens, delay,
					this.chunkSize, this.chunkDelay);
		}

		/**
		 * Returns this reply streamed in chunks of the given size with a delay between
		 * them.
		 * @param chunkSize characters per chunk
		 * @param chunkDelay delay between chunks
		 * @return the reply
		 */
		public Reply chunked(int chunkSize, Duration chunkDelay) {
			return new Reply(this.status, this.errorBody, this.text, this.toolCalls, this.finishReason,
					this.promptTokens, this.completionTokens, this.cachedTokens, this.reasoningTokens, this.delay,
					chunkSize, chunkDelay);
		}

	}

}
