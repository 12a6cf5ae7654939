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

package io.github.genaitracing.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.github.genaitracing.autoconfigure.CaptureMode;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.content.RegexContentRedactor;
import io.github.genaitracing.spi.CapturedContent;
import io.github.genaitracing.spi.GenAiMessage;

/**
 * The content policy's cost per captured value of {@code size} KiB, with the default
 * redaction rules and the default 4096-character cut: redaction and truncation of plain
 * text (without and with secrets and rule keywords in it), valid-JSON truncation of a JSON document, and the {@code gen_ai.input.messages}
 * JSON of a chat with that much text.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ContentPolicyBenchmark {

	@Param({ "1", "16" })
	public int size;

	private ContentPolicy policy;

	private String text;

	private String json;

	private String textWithSecrets;

	private List<GenAiMessage> messages;

	@Setup
	public void setUp() {
		this.policy = new ContentPolicy(CaptureMode.SPAN, 4096,
				List.of(RegexContentRedactor.of(true, List.of(), "[REDACTED]")));
		StringBuilder text = new StringBuilder();
		int i = 0;
		while (text.length() < this.size * 1024) {
			text.append("The forecast for city ").append(i++).append(" is sunny with a light breeze; ");
		}
		this.text = text.substring(0, this.size * 1024);
		StringBuilder secrets = new StringBuilder();
		while (secrets.length() < this.size * 1024) {
			secrets.append("Count the tokens of this prompt; the api_key=sk-abcdefghijklmnopqrstuv must not leak. ")
				.append("The forecast is sunny with a light breeze and no rain expected for the week ahead, ")
				.append("so plan the walking tour for the morning and the museum visit for the afternoon. ")
				.append("Bearer eyJhbGciOiJIUzI1NiJ9 was sent by mistake. ".repeat(1))
				.append("x".repeat(700));
		}
		this.textWithSecrets = secrets.substring(0, this.size * 1024);
		StringBuilder json = new StringBuilder("{\"items\":[");
		i = 0;
		while (json.length() < this.size * 1024) {
			json.append((i > 0) ? "," : "").append("{\"city\":\"City ").append(i++).append("\",\"forecast\":\"sunny\"}");
		}
		this.json = json.append("]}").toString();
		List<GenAiMessage> messages = new ArrayList<>();
		messages.add(GenAiMessage.text("system", "You are a weather assistant."));
		messages.add(GenAiMessage.text("user", this.text));
		this.messages = messages;
	}

	@Benchmark
	public CapturedContent redactAndTruncateText() {
		return this.policy.capture(this.text);
	}

	@Benchmark
	public CapturedContent redactAndTruncateTextWithSecrets() {
		return this.policy.capture(this.textWithSecrets);
	}

	@Benchmark
	public CapturedContent truncateJsonKeepingItValid() {
		return this.policy.captureJsonOrText(this.json);
	}

	@Benchmark
	public String buildInputMessagesJson() {
		return this.policy.captureMessages(this.messages).jsonValue();
	}

}
