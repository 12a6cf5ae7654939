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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends a mix of A2A requests: in every ten, six {@code message/send}, two
 * {@code message/stream} read to the end, one JSON-RPC error ({@code tasks/get} of an
 * unknown task) and one {@code message/stream} whose connection the client closes right
 * after the first event. Prints the counts of each outcome. Usage:
 * {@code MixedLoadDriver <url> <requests> <concurrency>}.
 */
public final class MixedLoadDriver {

	private MixedLoadDriver() {
	}

	public static void main(String[] args) throws Exception {
		URI url = URI.create(args[0]);
		int requests = Integer.parseInt(args[1]);
		int concurrency = Integer.parseInt(args[2]);
		HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2)).build();
		AtomicLong ok = new AtomicLong();
		AtomicLong aborted = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		for (int i = 0; i < requests; i++) {
			int n = i;
			pool.execute(() -> {
				try {
					int kind = n % 10;
					if (kind == 9) {
						abortAfterFirstEvent(url, body("message/stream", n));
						aborted.incrementAndGet();
						return;
					}
					String method = (kind < 6) ? "message/send" : (kind < 8) ? "message/stream" : "tasks/get";
					HttpResponse<String> response = http.send(HttpRequest.newBuilder(url)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(body(method, n)))
						.build(), HttpResponse.BodyHandlers.ofString());
					boolean expected = response.statusCode() == 200 && ((kind == 8) ? response.body().contains("-32001")
							: response.body().contains("completed"));
					(expected ? ok : failed).incrementAndGet();
				}
				catch (Exception ex) {
					failed.incrementAndGet();
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(1, TimeUnit.HOURS);
		System.out.println("requests=" + requests + " ok=" + ok + " aborted=" + aborted + " failed=" + failed);
		System.exit(failed.get() == 0 ? 0 : 1);
	}

	private static String body(String method, int n) {
		return "{\"jsonrpc\":\"2.0\",\"id\":" + n + ",\"method\":\"" + method + "\",\"params\":{\"id\":\"t-" + n
				+ "\",\"message\":{\"kind\":\"message\",\"messageId\":\"m-" + n + "\",\"role\":\"user\",\"contextId\":\"c-"
				+ n + "\",\"parts\":[{\"kind\":\"text\",\"text\":\"What is the weather in Paris? api_key=sk-"
				+ "abcdefghijklmnopqrstuvwxyz" + padding(n) + "\"}]}}}";
	}

	/**
	 * Every fourth request carries 2 to 8 KiB more text, so that bodies cross a small
	 * {@code max-body-size}.
	 */
	private static String padding(int n) {
		return (n % 4 == 0) ? " ".repeat(2048 * (1 + (n / 4) % 4)) : "";
	}

	private static void abortAfterFirstEvent(URI url, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket(url.getHost(), url.getPort())) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + url.getPath() + " HTTP/1.1\r\nHost: " + url.getHost() + "\r\nContent-Type: "
					+ "application/json\r\nAccept: text/event-stream\r\nContent-Length: " + bytes.length + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(bytes);
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder seen = new StringBuilder();
			int b;
			while ((b = in.read()) >= 0) {
				seen.append((char) b);
				if (seen.indexOf("data:") >= 0 && seen.charAt(seen.length() - 1) == '\n') {
					break;
				}
			}
			socket.setSoLinger(true, 0);
		}
	}

}
