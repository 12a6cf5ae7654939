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

package io.github.genaitracing.benchmarks.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Measures the latency from sending an A2A {@code message/stream} request to reading its
 * first server-sent event, over sequential requests on one keep-alive connection, and
 * prints the median, p90 and p99 in microseconds. Usage:
 * {@code SseFirstEventProbe <url> <warmup> <requests>}.
 */
public final class SseFirstEventProbe {

	private SseFirstEventProbe() {
	}

	public static void main(String[] args) throws Exception {
		URI uri = URI.create(args[0]);
		int warmup = Integer.parseInt(args[1]);
		int count = Integer.parseInt(args[2]);
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		long[] micros = new long[count];
		for (int i = 0; i < warmup + count; i++) {
			String body = "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"message/stream\",\"params\":{\"message\":"
					+ "{\"kind\":\"message\",\"messageId\":\"m-" + i + "\",\"role\":\"user\",\"contextId\":\"ctx-" + i
					+ "\",\"parts\":[{\"kind\":\"text\",\"text\":\"Weather in Paris?\"}]}}}";
			HttpRequest request = HttpRequest.newBuilder(uri)
				.header("Content-Type", "application/json")
				.header("Accept", "text/event-stream")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			long start = System.nanoTime();
			HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				String line;
				long first = -1;
				while ((line = reader.readLine()) != null) {
					if (first < 0 && line.startsWith("data:")) {
						first = System.nanoTime() - start;
					}
				}
				if (i >= warmup) {
					micros[i - warmup] = first / 1000;
				}
			}
		}
		Arrays.sort(micros);
		System.out.printf("first-event-us median=%d p90=%d p99=%d n=%d%n", micros[count / 2],
				micros[(int) (count * 0.9)], micros[(int) (count * 0.99)], count);
	}

}
