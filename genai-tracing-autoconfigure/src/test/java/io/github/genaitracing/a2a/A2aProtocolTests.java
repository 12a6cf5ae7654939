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

package io.github.genaitracing.a2a;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.github.genaitracing.autoconfigure.A2aLayout;
import io.github.genaitracing.autoconfigure.A2aParentPolicy;
import io.github.genaitracing.autoconfigure.A2aUserIdSource;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.AgentDefaults;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.vocabulary.GenAiVocabulary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the A2A tracing reads from requests and responses of both protocol versions, and
 * how it bounds what a client controls.
 */
class A2aProtocolTests {

	@RegisterExtension
	static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void normalizesTaskStatesOfBothVersionsAndBothSpellingsOfCancelled() {
		assertThat(A2aJson.taskState("canceled")).isEqualTo("TASK_STATE_CANCELED");
		assertThat(A2aJson.taskState("cancelled")).isEqualTo("TASK_STATE_CANCELED");
		assertThat(A2aJson.taskState("TASK_STATE_CANCELLED")).isEqualTo("TASK_STATE_CANCELED");
		assertThat(A2aJson.taskState("TASK_STATE_CANCELED")).isEqualTo("TASK_STATE_CANCELED");
		assertThat(A2aJson.taskState("input-required")).isEqualTo("TASK_STATE_INPUT_REQUIRED");
		assertThat(A2aJson.taskState("unknown")).isEqualTo("TASK_STATE_UNSPECIFIED");
		assertThat(A2aJson.taskState("made-up-" + "x".repeat(500))).as("a peer cannot invent values")
			.isEqualTo("TASK_STATE_UNSPECIFIED");
	}

	@Test
	void takesTheVersionFromTheHeaderNotFromTheMethodsCasing() {
		String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"GetTask\",\"params\":{\"id\":\"t\"}}";
		assertThat(A2aRequest.parse(utf8(body), body.length(), null, 0).protocolVersion()).isEqualTo("0.3");
		assertThat(A2aRequest.parse(utf8(body), body.length(), " 1.0 ", 0).protocolVersion()).isEqualTo("1.0");
		assertThat(A2aRequest.parse(utf8(body), body.length(), "1.0\u0007evil", 0).protocolVersion())
			.as("a header value with a control character is not recorded")
			.isEqualTo("0.3");
		assertThat(A2aRequest.parse(utf8(body), body.length(), "9".repeat(1000), 0).protocolVersion()).hasSize(256);
	}

	@Test
	void recordsAnUnknownMethodAsOtherWithItsNameCut() {
		String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + "m".repeat(100) + "\"}";
		A2aRequest request = A2aRequest.parse(utf8(body), body.length(), null, 0);
		assertThat(request.methodName()).isEqualTo("_OTHER");
		assertThat(request.unknownMethod()).isEqualTo("m".repeat(64));
		assertThat(request.sendsMessage()).isFalse();
	}

	@Test
	void leavesBodiesThatAreNotJsonRpcAloneWithoutParsingThem() {
		assertThat(A2aJson.mayBeJsonRpc(utf8("{\"model\":\"gpt\",\"messages\":[]}"), 30)).isFalse();
		String quoted = "{\"messages\":[{\"content\":\"say \\\"jsonrpc\\\" please\"}]}";
		assertThat(A2aJson.mayBeJsonRpc(utf8(quoted), quoted.length())).as("inside a string").isFalse();
		assertThat(A2aRequest.parse(utf8(quoted), quoted.length(), null, 0).isNotJsonRpc()).isTrue();
		String send = "{ \"jsonrpc\" : \"2.0\", \"method\":\"message/send\"}";
		assertThat(A2aJson.mayBeJsonRpc(utf8(send), send.length())).isTrue();
	}

	@Test
	void readsTheFinalAnswerOfAStatusUpdateOnceEvenWhenTheFinalTaskRepeatsIt() {
		ResponseObserver observer = new ResponseObserver(4096, 4096, System.nanoTime());
		String answer = "{\"role\":\"agent\",\"parts\":[{\"kind\":\"text\",\"text\":\"Rain.\"}]}";
		stream(observer, "{\"kind\":\"status-update\",\"taskId\":\"t\",\"status\":{\"state\":\"working\"}}",
				"{\"kind\":\"status-update\",\"taskId\":\"t\",\"status\":{\"state\":\"completed\",\"message\":" + answer
						+ "},\"final\":true}",
				"{\"kind\":\"task\",\"id\":\"t\",\"contextId\":\"c\",\"status\":{\"state\":\"completed\",\"message\":"
						+ answer + "}}");
		A2aResult result = observer.result();
		assertThat(result.outputText()).isEqualTo("Rain.");
		assertThat(result.taskState()).isEqualTo("TASK_STATE_COMPLETED");
		assertThat(result.contextId()).isEqualTo("c");
	}

	@Test
	void joinsAppendedArtifactChunksAndReplacesTheRest() {
		ResponseObserver observer = new ResponseObserver(4096, 4096, System.nanoTime());
		stream(observer,
				"{\"artifactUpdate\":{\"taskId\":\"t\",\"artifact\":{\"artifactId\":\"a\",\"parts\":[{\"text\":\"Sun\"}]}}}",
				"{\"artifactUpdate\":{\"taskId\":\"t\",\"append\":true,\"artifact\":{\"artifactId\":\"a\",\"parts\":[{\"text\":\"ny\"}]}}}",
				"{\"artifactUpdate\":{\"taskId\":\"t\",\"artifact\":{\"artifactId\":\"b\",\"parts\":[{\"text\":\"14C\"}]}}}",
				"{\"task\":{\"id\":\"t\",\"status\":{\"state\":\"TASK_STATE_COMPLETED\"},\"artifacts\":["
						+ "{\"artifactId\":\"a\",\"parts\":[{\"text\":\"Sunny\"}]},{\"artifactId\":\"b\",\"parts\":[{\"text\":\"14C\"}]}]}}");
		assertThat(observer.result().outputText()).isEqualTo("Sunny\n14C");
	}

	@Test
	void readsATasksStateAndIdsWithoutItsHistoryAlsoFromAResponseCutAfterThem() {
		String history = "{\"role\":\"user\",\"parts\":[{\"kind\":\"text\",\"text\":\"" + "a".repeat(600) + "\"}]}";
		String task = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"id\":\"t-1\",\"contextId\":\"ctx-1\","
				+ "\"status\":{\"state\":\"failed\"},\"history\":[" + history + "," + history + "],\"kind\":\"task\"}}";
		// more than the observer keeps: the copy ends inside the history
		ResponseObserver observer = new ResponseObserver(512, 0, System.nanoTime());
		byte[] bytes = task.getBytes(StandardCharsets.UTF_8);
		observer.onBytes("application/json", bytes, 0, bytes.length);
		A2aResult result = observer.result();
		assertThat(result.taskId()).isEqualTo("t-1");
		assertThat(result.contextId()).isEqualTo("ctx-1");
		assertThat(result.taskState()).isEqualTo("TASK_STATE_FAILED");
		// the same for 1.0's wrapped task; a status update and a message are read whole
		String wrapped = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"task\":{\"id\":\"t-2\",\"contextId\":\"c\","
				+ "\"status\":{\"state\":\"TASK_STATE_WORKING\"},\"history\":[";
		byte[] cut = wrapped.getBytes(StandardCharsets.UTF_8);
		assertThat(A2aResult.read(cut, cut.length, 0).taskState()).isEqualTo("TASK_STATE_WORKING");
		byte[] update = "{\"result\":{\"kind\":\"status-update\",\"taskId\":\"t\",\"contextId\":\"c\",\"status\":{\"state\":\"working\"},\"final\":tru"
			.getBytes(StandardCharsets.UTF_8);
		assertThat(A2aResult.read(update, update.length, 0)).isNull();
	}

	@Test
	void readsAPlainResponseFromItsFirstWriteAsFromAllOfItWhereverTheWritesSplitIt() {
		String history = ",\"history\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hi\"}]}]";
		List<String> bodies = List.of(
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"id\":\"t-1\",\"contextId\":\"c-1\","
						+ "\"status\":{\"state\":\"completed\"}" + history + ",\"kind\":\"task\"}}",
				// a task id that is a number, last before the read is enough: never cut short
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"contextId\":\"c\",\"status\":{\"state\":\"working\"},"
						+ "\"id\":12345" + history + "}}",
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"task\":{\"id\":\"t-2\",\"contextId\":\"c-2\","
						+ "\"status\":{\"state\":\"TASK_STATE_FAILED\"}}}}",
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"kind\":\"task\"" + history
						+ ",\"status\":{\"state\":\"failed\"},\"id\":\"t-3\",\"contextId\":\"c-3\"}} trailing",
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32001,\"message\":\"gone\"}}",
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"kind\":\"message\",\"taskId\":\"t-4\",\"contextId\":\"c-4\"}}");
		for (String body : bodies) {
			byte[] bytes = utf8(body);
			A2aResult whole = A2aResult.read(bytes, bytes.length, 0);
			for (int split = 0; split <= bytes.length; split++) {
				// each write inside a larger buffer, as a servlet stream's buffer holds it
				byte[] buffer = utf8("xx" + body + "99");
				ResponseObserver observer = new ResponseObserver(4096, 0, System.nanoTime());
				observer.onBytes("application/json", buffer, 2, split);
				observer.onBytes(null, buffer, 2 + split, bytes.length - split);
				assertThat(observer.result()).as("%s written as %d and %d bytes", body, split, bytes.length - split)
					.isEqualTo(whole);
			}
		}
		// a first write that tells the task's ids and state is read where it is, not copied
		byte[] task = utf8(bodies.get(0));
		ResponseObserver observer = new ResponseObserver(4096, 0, System.nanoTime());
		observer.onBytes("application/json", task, 0, task.length);
		assertThat(observer.result().taskState()).isEqualTo("TASK_STATE_COMPLETED");
		assertThat(observer.release()).isZero();
		// with its text recorded, the response is copied
		ResponseObserver recording = new ResponseObserver(4096, 4096, System.nanoTime());
		recording.onBytes("application/json", task, 0, task.length);
		assertThat(recording.result().taskState()).isEqualTo("TASK_STATE_COMPLETED");
		assertThat(recording.release()).isEqualTo(task.length);
	}

	@Test
	void readsAStreamWhateverItsLineEndingsChunksAndDataLines() {
		String task = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"kind\":\"task\",\"id\":\"t\",\"contextId\":\"c\","
				+ "\"status\":{\"state\":\"completed\"}}}";
		String half = task.substring(0, 40);
		String rest = task.substring(40);
		// CRLF line endings, a comment and an event name, the data split over two data lines
		// (joined by a newline, JSON whitespace), "data:" without its space, one byte at a time
		byte[] stream = utf8(": keep-alive\r\n\r\nevent: update\r\ndata: " + half + "\r\ndata:" + rest
				+ "\r\n\r\n");
		ResponseObserver observer = new ResponseObserver(4096, 0, System.nanoTime());
		for (int i = 0; i < stream.length; i++) {
			observer.onBytes("text/event-stream", stream, i, 1);
		}
		observer.drain();
		assertThat(observer.events()).isEqualTo(1);
		A2aResult result = observer.result();
		assertThat(result.taskId()).isEqualTo("t");
		assertThat(result.contextId()).isEqualTo("c");
		assertThat(result.taskState()).isEqualTo("TASK_STATE_COMPLETED");
		assertThat(ResponseObserver.eventData(utf8("id: 7\n"), 6)).isNull();
		assertThat(new String(ResponseObserver.eventData(utf8("data:a\ndata: b\ndata:  c\ndatum: d"), 32),
				StandardCharsets.UTF_8))
			.isEqualTo("a\nb\n c");
	}

	private static void stream(ResponseObserver observer, String... results) {
		for (String result : results) {
			byte[] event = utf8("data: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + result + "}\n\n");
			observer.onBytes("text/event-stream", event, 0, event.length);
		}
	}

	/**
	 * Returns variants of a JSON body, each with one character left out, changed or added
	 * at a random place (a third of them each).
	 */
	private static List<String> mutations(String base, int count, long seed) {
		java.util.Random random = new java.util.Random(seed);
		String characters = "{}[]\",:\\ 0-1.eEtrufalsn\u00e9xu";
		List<String> mutations = new java.util.ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			int at = random.nextInt(base.length());
			char c = characters.charAt(random.nextInt(characters.length()));
			mutations.add(switch (i % 3) {
				case 0 -> base.substring(0, at) + base.substring(at + 1);
				case 1 -> base.substring(0, at) + c + base.substring(at + 1);
				default -> base.substring(0, at) + c + base.substring(at);
			});
		}
		return mutations;
	}

	@Test
	void readsARequestWithoutItsTextIntoSlotsAsItReadsItIntoATree() {
		List<String> bodies = new java.util.ArrayList<>(List.of(
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\",\"params\":{\"message\":{\"kind\":\"message\","
						+ "\"messageId\":\"m-1\",\"role\":\"user\",\"contextId\":\"ctx-1\",\"taskId\":\"t-1\","
						+ "\"parts\":[{\"kind\":\"text\",\"text\":\"Hi \\\"there\\\" \\u00e9\"}]}}}",
				"{\"jsonrpc\":\"2.0\",\"id\":\"r-1\",\"method\":\"SendMessage\",\"params\":{\"tenant\":\"acme\","
						+ "\"message\":{\"messageId\":\"m-2\",\"contextId\":\"c\u00e9\",\"role\":\"ROLE_USER\"}}}",
				"{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tasks/get\",\"params\":{\"id\":\"t-9\",\"historyLength\":10}}",
				"{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"GetTaskPushNotificationConfig\",\"params\":{\"taskId\":\"t-1\",\"id\":\"cfg\"}}",
				"{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tasks/pushNotificationConfig/list\",\"params\":{\"id\":\"t-3\"}}",
				"{\"jsonrpc\":\"2.0\",\"id\":-0,\"method\":\"tasks/get\",\"params\":{\"id\":12}}",
				"{\"jsonrpc\":\"2.0\",\"id\":1.5e2,\"method\":\"tasks/cancel\",\"params\":{\"id\":true}}",
				"{\"jsonrpc\":\"2.0\",\"id\":123456789012345678901234567890,\"method\":\"tasks/get\",\"params\":{\"id\":null}}",
				"{\"jsonrpc\":null,\"id\":null,\"method\":\"message/send\",\"params\":{\"message\":[1,2]}}",
				"{\"jsonrpc\":{},\"method\":[\"message/send\"],\"params\":{}}",
				"{\"jsonrpc\":\"2.0\",\"method\":\"message/send\",\"params\":{\"message\":{\"contextId\":\"a\"},"
						+ "\"message\":{\"messageId\":\"b\"}}}",
				"{\"jsonrpc\":\"2.0\",\"method\":\"message/send\",\"params\":{\"message\":{\"contextId\":\"a\"}},"
						+ "\"params\":5,\"id\":{\"x\":1}}",
				"{\"jsonrpc\":\"2.0\",\"method\":\"message/send\",\"params\":{\"message\":{\"contextId\":\"a\","
						+ "\"contextId\":\"b\"},\"message\":{\"contextId\":\"c\"}}}",
				"{\"jsonrpc\":\"2.0\",\"\\u006dethod\":\"message/send\",\"params\":{\"m\\u0065ssage\":{\"contextId\":\"e\"}}}",
				"\uFEFF {\"jsonrpc\":\"2.0\",\"method\":\"message/send\"} ",
				"[{\"jsonrpc\":\"2.0\",\"method\":\"message/send\"}]", "\"jsonrpc\"",
				"{\"jsonrpc\":\"2.0\",\"method\":\"message/send\"} x", "{\"jsonrpc\":\"2.0\",\"method\":\"message/send\",}",
				"{\"jsonrpc\":\"2.0\",\"method\":\"message/send\",\"params\":" + "[".repeat(70) + "]".repeat(70) + "}",
				"{\"jsonrpc\":\"2.0\",\"method\":\"ListTasks\",\"params\":{\"tenant\":7,\"message\":null}}"));
		bodies.addAll(mutations(bodies.get(0), 3000, 42));
		for (String body : bodies) {
			byte[] utf8 = utf8(body);
			for (String header : new String[] { null, "1.0" }) {
				assertThat(A2aRequest.parse(utf8, utf8.length, header, 0)).as(body)
					.isEqualTo(A2aJson.mayBeJsonRpc(utf8, utf8.length) ? A2aRequest.parseTree(utf8, utf8.length, header, 0)
							: A2aRequest.notParsed("not_json_rpc"));
			}
		}
	}

	@Test
	void readsAResponseWithoutItsTextIntoSlotsAsItReadsItIntoATree() {
		String history = ",\"history\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hi\",\"kind\":\"text\"}],\"messageId\":\"m\","
				+ "\"kind\":\"message\"}]";
		List<String> results = List.of(
				"{\"id\":\"t-1\",\"contextId\":\"c-1\",\"status\":{\"state\":\"completed\"},\"artifacts\":[{\"artifactId\":\"a\","
						+ "\"parts\":[{\"text\":\"sunny\",\"kind\":\"text\"}]}]" + history + ",\"kind\":\"task\"}",
				"{\"kind\":\"task\"" + history + ",\"status\":{\"message\":{\"parts\":[]},\"state\":\"failed\"},\"id\":7,"
						+ "\"contextId\":null}",
				"{\"task\":{\"id\":\"t-2\",\"contextId\":\"c-2\",\"status\":{\"state\":\"TASK_STATE_WORKING\"}}}",
				"{\"task\":\"t\",\"id\":\"t-3\",\"contextId\":\"c\",\"status\":{\"state\":\"completed\"}}",
				"{\"message\":{\"taskId\":\"t-4\",\"contextId\":\"c-4\",\"parts\":[]},\"task\":{\"id\":\"x\"}}",
				"{\"kind\":\"message\",\"taskId\":\"t-5\",\"contextId\":\"c-5\",\"message\":[1]}",
				"{\"kind\":\"status-update\",\"taskId\":\"t-6\",\"contextId\":\"c-6\",\"status\":{\"state\":\"input-required\"},"
						+ "\"final\":false}",
				"{\"statusUpdate\":{\"taskId\":\"t-7\",\"contextId\":\"c-7\",\"status\":{\"state\":\"TASK_STATE_COMPLETED\"}}}",
				"{\"statusUpdate\":5,\"kind\":\"artifact-update\",\"taskId\":\"t-8\",\"artifact\":{\"parts\":[]}}",
				"{\"artifactUpdate\":{\"taskId\":\"t-9\",\"contextId\":\"c-9\",\"append\":true,\"artifact\":{\"artifactId\":\"a\"}}}",
				"{\"id\":\"t-10\",\"id\":\"t-11\",\"contextId\":\"c\",\"status\":{\"state\":\"working\"},\"status\":{}}",
				"{\"task\":{\"id\":\"a\",\"contextId\":\"b\"},\"task\":{\"id\":\"c\",\"contextId\":\"d\","
						+ "\"status\":{\"state\":\"rejected\"}}}",
				"[]", "\"task\"", "{}");
		List<String> bodies = new java.util.ArrayList<>();
		for (String result : results) {
			bodies.add("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + result + "}");
			bodies.add("{\"result\":" + result + ",\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32001,\"message\":\"gone\"}}");
		}
		bodies.add("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32603,\"message\":\"Internal \\\"error\\\"\"}}");
		bodies.add("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":\"bad\",\"result\":{\"id\":\"t\"}}");
		bodies.add("{\"jsonrpc\":\"2.0\",\"result\":[],\"result\":{\"kind\":\"message\"}}");
		// every response cut short (as the observer's cap cuts it), and mutated
		List<String> all = new java.util.ArrayList<>(bodies);
		for (String body : bodies) {
			for (int cut = 1; cut < body.length(); cut += 3) {
				all.add(body.substring(0, cut));
			}
		}
		all.addAll(mutations(bodies.get(0), 3000, 7));
		for (String body : all) {
			byte[] utf8 = utf8(body);
			assertThat(A2aResult.read(utf8, utf8.length, 0)).as(body).isEqualTo(A2aResult.readTree(utf8, utf8.length, 0));
		}
	}

	@Test
	void readsAPushConfigTaskIdOfEitherVersionAndNeverTheConfigId() {
		String create10 = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"CreateTaskPushNotificationConfig\",\"params\":"
				+ "{\"taskId\":\"t-1\",\"configId\":\"c\",\"config\":{\"url\":\"u\"}}}";
		String list10 = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ListTaskPushNotificationConfigs\",\"params\":{\"id\":\"c\"}}";
		String list03 = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tasks/pushNotificationConfig/list\",\"params\":{\"id\":\"t-3\"}}";
		assertThat(A2aRequest.parse(utf8(create10), create10.length(), "1.0", 0).taskId()).isEqualTo("t-1");
		assertThat(A2aRequest.parse(utf8(list10), list10.length(), null, 0).taskId()).isNull();
		assertThat(A2aRequest.parse(utf8(list03), list03.length(), null, 0).taskId()).isEqualTo("t-3");
		assertThat(A2aRequest.parse(utf8(list03), list03.length(), "1.0", 0).taskId()).isNull();
	}

	@Test
	void checksClientValuesBeforeTheyBecomeAttributes() {
		assertThat(A2aValues.checked("conv-1")).isEqualTo("conv-1");
		assertThat(A2aValues.checked("a\nb")).isNull();
		assertThat(A2aValues.checked("  ")).isNull();
		assertThat(A2aValues.checked("é".repeat(300))).hasSize(256);
		assertThat(A2aValues.checked("x".repeat(255) + "\uD83D\uDE00")).as("never half a surrogate pair")
			.hasSize(255);
	}

	@Test
	void learnsTheRemoteAgentsNameFromItsAgentCard() {
		A2aAgentCards cards = new A2aAgentCards();
		cards.learn(URI.create("http://weather:8081/.well-known/agent-card.json"),
				"{\"name\":\"weather-agent\",\"url\":\"http://weather:8081/a2a/\"}");
		assertThat(cards.name(URI.create("http://weather:8081/a2a"))).isEqualTo("weather-agent");
		assertThat(cards.name(URI.create("http://weather:8081/other"))).as("same origin, one agent")
			.isEqualTo("weather-agent");
		assertThat(cards.name(URI.create("http://other:8081/a2a"))).isNull();
		cards.learn(URI.create("http://weather:8081/.well-known/agent-card.json"), "{\"name\":\"\\u0000bad\"}");
		assertThat(cards.name(URI.create("http://weather:8081/a2a"))).isEqualTo("weather-agent");
	}

	@Test
	void takesTheConversationIdFromInboundBaggageOnlyWhenItIsFitAndAllowed() throws Exception {
		assertThat(conversationIdWithBaggage("gen_ai.conversation.id=conv-bag", true)).isEqualTo("conv-bag");
		assertThat(conversationIdWithBaggage("gen_ai.conversation.id=" + "b".repeat(300), true)).hasSize(256);
		assertThat(conversationIdWithBaggage("gen_ai.conversation.id=a%07b", true)).as("a control character")
			.isNull();
		assertThat(conversationIdWithBaggage("gen_ai.conversation.id=conv-bag", false)).as("turned off").isNull();
	}

	private String conversationIdWithBaggage(String baggage, boolean fromBaggage) throws Exception {
		otel.clearSpans();
		OpenTelemetry propagating = OpenTelemetry.propagating(ContextPropagators.create(TextMapPropagator
			.composite(W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance())));
		SpanLifecycle spans = new SpanLifecycle(otel.getOpenTelemetry(), List.of(new GenAiVocabulary()),
				"gen_ai.conversation.id");
		A2aTracingFilter filter = new A2aTracingFilter(spans, ContentPolicy.disabled(),
				new AgentDefaults("agent", null, null, "openai"), propagating,
				new A2aTracingFilter.Settings(List.of("/"), List.of(), 4096, 4096, A2aParentPolicy.CONTINUE,
						A2aLayout.AGENT, A2aUserIdSource.NONE, fromBaggage,
						"gen_ai.conversation.id"));
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
		request.setContentType("application/json");
		request.addHeader("baggage", baggage);
		request.setContent(utf8("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\",\"params\":{\"message\":"
				+ "{\"kind\":\"message\",\"messageId\":\"m\",\"role\":\"user\",\"parts\":[]}}}"));
		filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
		assertThat(otel.getSpans()).hasSize(1);
		return otel.getSpans().get(0).getAttributes().get(GenAiAttributes.CONVERSATION_ID);
	}

}
