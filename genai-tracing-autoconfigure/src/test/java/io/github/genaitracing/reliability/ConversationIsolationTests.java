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

package io.github.genaitracing.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.genaitracing.test.GenAiTracingTest;
import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 conversations at once, half of them streamed (their nested spans run on executor
 * threads): every GenAI span carries the conversation id of the request it belongs to.
 */
@GenAiTracingTest
class ConversationIsolationTests {

	private static final int CONVERSATIONS = 200;

	@Test
	void everySpanCarriesItsOwnConversationIdUnderConcurrency(OtlpTestReceiver receiver) throws Exception {
		try (ConfigurableApplicationContext context = ReliabilityApp.run(receiver,
				"management.opentelemetry.tracing.export.max-queue-size=20000")) {
			String url = ReliabilityApp.baseUrl(context) + "/a2a";
			HttpClient http = HttpClient.newHttpClient();
			ExecutorService pool = Executors.newFixedThreadPool(32);
			List<Future<HttpResponse<String>>> calls = new ArrayList<>();
			for (int i = 0; i < CONVERSATIONS; i++) {
				String contextId = "iso-" + i;
				String method = (i % 2 == 0) ? "message/send" : "message/stream";
				String body = "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"" + method + "\",\"params\":{\"message\":"
						+ "{\"kind\":\"message\",\"messageId\":\"m-" + i + "\",\"role\":\"user\",\"contextId\":\""
						+ contextId + "\",\"parts\":[{\"kind\":\"text\",\"text\":\"question " + i + "\"}]}}}";
				calls.add(pool.submit(() -> http.send(HttpRequest.newBuilder(URI.create(url))
					.header("Content-Type", "application/json")
					.header("baggage", "gen_ai.conversation.id=forged-by-client")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString())));
			}
			for (Future<HttpResponse<String>> call : calls) {
				assertThat(call.get().statusCode()).isEqualTo(200);
			}
			pool.shutdown();
			// per conversation: the request span, the agent and the tool
			List<Span> spans = receiver.awaitSpans((all) -> genAiSpans(all).size() >= CONVERSATIONS * 3,
					Duration.ofSeconds(30));
			Map<String, Set<String>> conversationsByTrace = new HashMap<>();
			Map<String, String> requestConversation = new HashMap<>();
			for (Span span : genAiSpans(spans)) {
				String trace = OtlpTestReceiver.hex(span.getTraceId());
				Object conversation = OtlpTestReceiver.attribute(span, "gen_ai.conversation.id");
				conversationsByTrace.computeIfAbsent(trace, (t) -> new HashSet<>()).add(String.valueOf(conversation));
				if (span.getName().equals("invoke_agent reliability-agent")) {
					requestConversation.put(trace, String.valueOf(conversation));
				}
			}
			assertThat(requestConversation).hasSize(CONVERSATIONS);
			assertThat(new HashSet<>(requestConversation.values())).hasSize(CONVERSATIONS)
				.allSatisfy((id) -> assertThat(id).startsWith("iso-"));
			assertThat(conversationsByTrace).allSatisfy((trace, ids) -> assertThat(ids)
				.as("conversation ids in trace " + trace)
				.containsExactly(requestConversation.get(trace)));
			assertThat(genAiSpans(spans).stream().map(Span::getName).filter((name) -> name.contains("forecast")))
				.hasSize(CONVERSATIONS);
		}
	}

	private static List<Span> genAiSpans(List<Span> spans) {
		return spans.stream().filter((span) -> OtlpTestReceiver.attribute(span, "gen_ai.operation.name") != null).toList();
	}

}
