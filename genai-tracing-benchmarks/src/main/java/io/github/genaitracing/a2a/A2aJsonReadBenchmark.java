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

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The A2A filter's two JSON reads alone: a {@code message/send} request and the 2 KiB
 * task the load target answers a {@code tasks/get} poll with (the same shape: eight
 * history messages of about 200 bytes of text), content capture off.
 *
 * <pre>
 * ./benchmarks/run.sh A2aJsonReadBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class A2aJsonReadBenchmark {

	private static final byte[] REQUEST = ("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"message/send\",\"params\":{\"message\":"
			+ "{\"kind\":\"message\",\"messageId\":\"m-7\",\"role\":\"user\",\"contextId\":\"ctx-7\","
			+ "\"parts\":[{\"kind\":\"text\",\"text\":\"What is the weather in Paris tomorrow?\"}]}}}")
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] TASK = task(true).getBytes(StandardCharsets.UTF_8);

	private static final byte[] TASK_HISTORY_FIRST = task(false).getBytes(StandardCharsets.UTF_8);

	/**
	 * A task of about 2 KiB: in the order the A2A Java SDK writes it (id, contextId, status,
	 * history, kind), or with its history before its state and ids (as a server writing
	 * members alphabetically does).
	 */
	private static String task(boolean sdkOrder) {
		StringBuilder history = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			history.append((i > 0) ? "," : "")
				.append("{\"kind\":\"message\",\"role\":\"")
				.append((i % 2 == 0) ? "user" : "agent")
				.append("\",\"messageId\":\"m-")
				.append(i)
				.append("\",\"parts\":[{\"kind\":\"text\",\"text\":\"Message ")
				.append(i)
				.append(" of the conversation about the weather in Paris, kept in the task's history.")
				.append(" ".repeat(120))
				.append("\"}]}");
		}
		if (sdkOrder) {
			return "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{\"id\":\"t-3\",\"contextId\":\"ctx-poll\","
					+ "\"status\":{\"state\":\"working\"},\"history\":[" + history + "],\"kind\":\"task\"}}";
		}
		return "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{\"contextId\":\"ctx-poll\",\"history\":[" + history
				+ "],\"id\":\"t-3\",\"kind\":\"task\",\"status\":{\"state\":\"working\"}}}";
	}

	@Benchmark
	public A2aRequest readRequest() {
		return A2aRequest.parse(REQUEST, REQUEST.length, null, 0);
	}

	/** The same request read into a tree, as it is when its text is recorded. */
	@Benchmark
	public A2aRequest readRequestIntoTree() {
		return A2aRequest.parseTree(REQUEST, REQUEST.length, null, 0);
	}

	@Benchmark
	public A2aResult readTaskResponse() {
		return A2aResult.read(TASK, TASK.length, 0);
	}

	/** The same task read into a tree, as it was read before the slots. */
	@Benchmark
	public A2aResult readTaskResponseIntoTree() {
		return A2aResult.readTree(TASK, TASK.length, 0);
	}

	@Benchmark
	public A2aResult readTaskResponseHistoryFirst() {
		return A2aResult.read(TASK_HISTORY_FIRST, TASK_HISTORY_FIRST.length, 0);
	}

}
