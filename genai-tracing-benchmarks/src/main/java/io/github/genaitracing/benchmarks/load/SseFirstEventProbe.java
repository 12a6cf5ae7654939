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
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Measures the latency from sending an A2A {@code message/stream} request to reading its
 * first server-sent event, over sequential requests on one keep-alive connection per URL,
 * and prints the median, p90 and p99 in microseconds. Usage:
 * {@code SseFirstEventProbe <url> <warmup> <requests> [<url> ...]}.
 * <p>
 * With more than one URL the requests are interleaved: each block sends one request to
 * every URL, the first URL of a block taking turns (A B, B A, A B, …), so that every URL
 * is measured at the same moments of a noisy machine. It then prints, on one line, each
 * URL's figures ({@code median_1}, {@code p90_1}, …, numbered in the order given) and, for
 * every URL after the first, the median over the blocks of its latency ÷ the first URL's
 * in the same block ({@code pair_ratio_median_2}, …).
 */
public final class SseFirstEventProbe {

	private SseFirstEventProbe() {
	}

	public static void main(String[] args) throws Exception {
		int warmup = Integer.parseInt(args[1]);
		int count = Integer.parseInt(args[2]);
		URI[] uris = new URI[1 + Math.max(0, args.length - 3)];
		uris[0] = URI.create(args[0]);
		for (int i = 3; i < args.length; i++) {
			uris[i - 2] = URI.create(args[i]);
		}
		int n = uris.length;
		HttpClient[] clients = new HttpClient[n];
		for (int u = 0; u < n; u++) {
			clients[u] = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		}
		long[][] micros = new long[n][count];
		for (int i = 0; i < warmup + count; i++) {
			for (int k = 0; k < n; k++) {
				int u = (k + i) % n;
				long first = firstEventNanos(clients[u], uris[u], i);
				if (i >= warmup) {
					micros[u][i - warmup] = first / 1000;
				}
			}
		}
		if (count == 0) {
			return;
		}
		if (n == 1) {
			long[] sorted = micros[0].clone();
			Arrays.sort(sorted);
			System.out.printf("first-event-us median=%d p90=%d p99=%d n=%d%n", sorted[count / 2],
					sorted[(int) (count * 0.9)], sorted[(int) (count * 0.99)], count);
			return;
		}
		StringBuilder line = new StringBuilder("first-event-us-interleaved n=" + count);
		for (int u = 0; u < n; u++) {
			long[] sorted = micros[u].clone();
			Arrays.sort(sorted);
			line.append(String.format(" median_%d=%d p90_%d=%d p99_%d=%d", u + 1, sorted[count / 2], u + 1,
					sorted[(int) (count * 0.9)], u + 1, sorted[(int) (count * 0.99)]));
		}
		for (int u = 1; u < n; u++) {
			double[] ratios = new double[count];
			for (int i = 0; i < count; i++) {
				ratios[i] = (double) micros[u][i] / Math.max(1, micros[0][i]);
			}
			Arrays.sort(ratios);
			line.append(String.format(java.util.Locale.ROOT, " pair_ratio_median_%d=%.4f", u + 1, ratios[count / 2]));
		}
		System.out.println(line);
	}

	private static long firstEventNanos(HttpClient client, URI uri, int i) throws IOException, InterruptedException {
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
		long first = -1;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (first < 0 && line.startsWith("data:")) {
					first = System.nanoTime() - start;
				}
			}
		}
		return first;
	}

}
