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

package io.github.genaitracing.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.genaitracing.autoconfigure.CaptureMode;
import io.github.genaitracing.spi.CapturedContent;
import io.github.genaitracing.spi.GenAiMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ContentPolicy}.
 */
class ContentPolicyTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ContentPolicy policy = new ContentPolicy(CaptureMode.SPAN, 20,
			List.of(RegexContentRedactor.of(true, List.of(), "[REDACTED]")));

	@Test
	void capturesNothingWhenDisabled() {
		ContentPolicy disabled = ContentPolicy.disabled();
		assertThat(disabled.capture("secret")).isNull();
		assertThat(disabled.captureMessages(List.of(GenAiMessage.text("user", "hi")))).isNull();
		assertThat(disabled.captureArguments(Map.of("a", "b"))).isNull();
		assertThat(disabled.captureToolDefinitions(List.of())).isNull();
	}

	@Test
	void redactsBeforeTruncating() {
		ContentPolicy wide = new ContentPolicy(CaptureMode.SPAN, 30,
				List.of(RegexContentRedactor.of(true, List.of(), "[REDACTED]")));
		CapturedContent content = wide.capture("key sk-abcdefghijklmnopqrstuvwxyz0123 end");
		assertThat(content.value()).isEqualTo("key [REDACTED] end");
	}

	@Test
	void redactsDefaultSecretShapes() {
		ContentPolicy wide = new ContentPolicy(CaptureMode.SPAN, 1000,
				List.of(RegexContentRedactor.of(true, List.of(), "[REDACTED]")));
		String value = wide.capture("Authorization: Bearer eyJhbGciOi.x.y password=hunter2 AKIAABCDEFGHIJKLMNOP")
			.value();
		assertThat(value).doesNotContain("eyJhbGciOi").doesNotContain("hunter2").doesNotContain("AKIAABCDEFGHIJKLMNOP");
	}

	@Test
	void redactsASecretThatCrossesTheCutOfALongText() {
		ContentPolicy policy = new ContentPolicy(CaptureMode.SPAN, 100,
				List.of(RegexContentRedactor.of(true, List.of(), "[REDACTED]")));
		String secret = "sk-" + "A1b2C3d4".repeat(8);
		String text = "x".repeat(90) + " " + secret + " " + "y".repeat(50_000) + " api_key=zzz";
		CapturedContent content = policy.capture(text);
		assertThat(content.value()).startsWith("x".repeat(90) + " [REDACTED")
			.endsWith(ContentPolicy.TRUNCATION_MARKER)
			.doesNotContain("A1b2");
	}

	@Test
	void marksATextCutBeforeRedactionEvenWhenRedactionShortensIt() {
		ContentPolicy policy = new ContentPolicy(CaptureMode.SPAN, 20,
				List.of(RegexContentRedactor.of(true, List.of(), "[R]")));
		String text = "Bearer " + "t".repeat(5000) + " tail";
		assertThat(policy.capture(text).value()).isEqualTo("Bearer [R]" + ContentPolicy.TRUNCATION_MARKER);
	}

	@Test
	void redactsKeywordPairsWhateverTheirCase() {
		ContentPolicy policy = new ContentPolicy(CaptureMode.SPAN, 1000,
				List.of(RegexContentRedactor.of(true, List.of(), "[REDACTED]")));
		assertThat(policy.capture("PASSWORD=hunter2 and Api-Key: abc and BEARER xyz").value())
			.isEqualTo("PASSWORD=[REDACTED] and Api-Key: [REDACTED] and BEARER [REDACTED]");
	}

	@Test
	void cutsTextAtTheLimitWithAMarker() {
		CapturedContent content = this.policy.capture("a".repeat(100));
		assertThat(content.value()).isEqualTo("a".repeat(20) + ContentPolicy.TRUNCATION_MARKER);
		assertThat(content.isJson()).isFalse();
		assertThat(content.jsonValue()).startsWith("\"").endsWith("\"");
	}

	@Test
	void neverSplitsASurrogatePair() {
		CapturedContent content = this.policy.capture("a".repeat(19) + "😀😀");
		assertThat(content.value()).isEqualTo("a".repeat(19) + ContentPolicy.TRUNCATION_MARKER);
	}

	@Test
	void keepsNestedJsonValidAndSharesTheBudgetWithItsStructure() throws Exception {
		ContentPolicy policy = new ContentPolicy(CaptureMode.SPAN, 120,
				List.of(RegexContentRedactor.of(true, List.of(), "[REDACTED]")));
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("first", "x".repeat(15));
		value.put("nested", Map.of("list", List.of("y".repeat(100), 42)));
		CapturedContent content = policy.capture(value);
		assertThat(content.isJson()).isTrue();
		assertThat(content.value().length()).isLessThanOrEqualTo(120);
		JsonNode tree = JSON.readTree(content.value());
		assertThat(tree.path("first").asString()).hasSize(15);
		assertThat(tree.path("nested").path("list").get(0).asString()).startsWith("yyy")
			.endsWith(ContentPolicy.TRUNCATION_MARKER);
		assertThat(tree.path("nested").path("list")).hasSize(1);
	}

	@Test
	void rendersMessagesInTheSemconvShapeWithNonJsonArgumentsAsJsonStrings() throws Exception {
		ContentPolicy wide = new ContentPolicy(CaptureMode.SPAN, 1000, List.of());
		CapturedContent content = wide.captureMessages(List.of(GenAiMessage.text("user", "Weather?"),
				new GenAiMessage("assistant",
						List.of(new GenAiMessage.ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")), null),
				new GenAiMessage("tool", List.of(new GenAiMessage.ToolCallResponse("call_1", "rainy")), null),
				new GenAiMessage("assistant", List.of(new GenAiMessage.Text("Rainy.")), "stop")));
		JsonNode messages = JSON.readTree(content.value());
		assertThat(messages).hasSize(4);
		assertThat(messages.get(0).path("parts").get(0).path("type").asString()).isEqualTo("text");
		JsonNode call = messages.get(1).path("parts").get(0);
		assertThat(call.path("type").asString()).isEqualTo("tool_call");
		assertThat(call.path("arguments").path("city").asString()).isEqualTo("Paris");
		JsonNode response = messages.get(2).path("parts").get(0);
		assertThat(response.path("type").asString()).isEqualTo("tool_call_response");
		assertThat(response.path("response").asString()).isEqualTo("rainy");
		assertThat(messages.get(3).path("finish_reason").asString()).isEqualTo("stop");
		assertThat(content.messages()).hasSize(4);
	}

	@Test
	void rendersToolDefinitionsWithParsedSchemas() throws Exception {
		ContentPolicy wide = new ContentPolicy(CaptureMode.SPAN, 1000, List.of());
		String json = wide.captureToolDefinitions(List.of(new GenAiToolDefinition("get_weather", "Weather",
				"{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}")));
		JsonNode definitions = JSON.readTree(json);
		assertThat(definitions.get(0).path("type").asString()).isEqualTo("function");
		assertThat(definitions.get(0).path("parameters").path("type").asString()).isEqualTo("object");
	}

	@Test
	void appliesCustomRedactorsInOrder() {
		ContentPolicy custom = new ContentPolicy(CaptureMode.SPAN, 100,
				List.of((value) -> value.replace("alice", "[USER]"), (value) -> value.toUpperCase()));
		assertThat(custom.capture("hello alice").value()).isEqualTo("HELLO [USER]");
	}

	@Test
	void readsEnvironmentValues() {
		assertThat(CaptureMode.fromEnvironmentValue("true")).isEqualTo(CaptureMode.SPAN);
		assertThat(CaptureMode.fromEnvironmentValue("SPAN_ONLY")).isEqualTo(CaptureMode.SPAN);
		assertThat(CaptureMode.fromEnvironmentValue("span_and_event")).isEqualTo(CaptureMode.SPAN_AND_EVENT);
		assertThat(CaptureMode.fromEnvironmentValue("false")).isEqualTo(CaptureMode.NONE);
		assertThat(CaptureMode.fromEnvironmentValue("NO_CONTENT")).isEqualTo(CaptureMode.NONE);
		assertThat(CaptureMode.fromEnvironmentValue("EVENT_ONLY")).isEqualTo(CaptureMode.EVENT_ONLY);
		assertThat(CaptureMode.fromEnvironmentValue("maybe")).isNull();
		assertThat(CaptureMode.fromEnvironmentValue(null)).isNull();
	}

}
