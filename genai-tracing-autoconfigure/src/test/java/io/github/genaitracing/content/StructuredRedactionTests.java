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

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.genaitracing.autoconfigure.CaptureMode;
import io.github.genaitracing.spi.CapturedContent;
import io.github.genaitracing.spi.GenAiMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the key-based redaction of structured values by {@link ContentPolicy}.
 */
class StructuredRedactionTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ContentPolicy policy = new ContentPolicy(CaptureMode.SPAN, 10_000,
			List.of(RegexContentRedactor.of(true, List.of(), "[REDACTED]")));

	@Test
	void replacesAPasswordArgumentAndKeepsItsName() {
		Map<String, Object> arguments = new LinkedHashMap<>();
		arguments.put("user", "bob");
		arguments.put("password", "hunter2");
		CapturedContent content = this.policy.captureArguments(arguments);
		assertThat(content.value()).isEqualTo("{\"user\":\"bob\",\"password\":\"[REDACTED]\"}");
	}

	@Test
	void replacesValuesUnderSensitiveKeysAtAnyDepthOfMapsRecordsAndBeans() {
		Map<String, Object> headers = new LinkedHashMap<>();
		headers.put("Authorization", "Basic-but-not-matching-any-rule");
		headers.put("Set-Cookie", "SESSION=abc123");
		headers.put("X-Trace", "t-1");
		Account account = new Account("alice", "s3cr3t-value", "ssn-123");
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("login", new Login("alice", "pw-hunter2", new Credentials("AKIA-not-a-key", "priv-1", headers)));
		value.put("accounts", List.of(account, Map.of("client_secret", Map.of("nested", "cs-1"))));
		value.put("max_tokens", 512);
		value.put("github_token", "gh-abc");
		value.put("sessionId", 42);
		JsonNode tree = read(this.policy.capture(value));
		String json = tree.toString();
		assertThat(json).doesNotContain("pw-hunter2", "AKIA-not-a-key", "priv-1", "Basic-but", "abc123", "s3cr3t",
				"ssn-123", "cs-1", "gh-abc", "42");
		assertThat(tree.at("/login/user").asString()).isEqualTo("alice");
		assertThat(tree.at("/login/password").asString()).isEqualTo("[REDACTED]");
		assertThat(tree.at("/login/keys/accessKeyId").asString()).isEqualTo("[REDACTED]");
		assertThat(tree.at("/login/keys/privateKey").asString()).isEqualTo("[REDACTED]");
		assertThat(tree.at("/login/keys/headers/Authorization").asString()).isEqualTo("[REDACTED]");
		assertThat(tree.at("/login/keys/headers/Set-Cookie").asString()).isEqualTo("[REDACTED]");
		assertThat(tree.at("/login/keys/headers/X-Trace").asString()).isEqualTo("t-1");
		assertThat(tree.at("/accounts/0/name").asString()).isEqualTo("alice");
		assertThat(tree.at("/accounts/0/secretAnswer").asString()).isEqualTo("[REDACTED]");
		assertThat(tree.at("/accounts/0").has("ssn")).as("@JsonIgnore is honoured").isFalse();
		assertThat(tree.at("/accounts/1/client_secret").asString()).isEqualTo("[REDACTED]");
		assertThat(tree.at("/max_tokens").asInt()).isEqualTo(512);
		assertThat(tree.at("/github_token").asString()).isEqualTo("[REDACTED]");
		assertThat(tree.at("/sessionId").asString()).isEqualTo("[REDACTED]");
	}

	@Test
	void recognisesKeysWhateverTheirCaseAndSeparators() {
		SensitiveKeys keys = SensitiveKeys.defaults();
		assertThat(List.of("password", "PASSWORD", "userPassword", "db_password", "passwd", "secret", "client-secret",
				"token", "access_token", "refreshToken", "api_key", "apikey", "api-key", "API-Key", "X-Api-Key", "apiKey",
				"authorization", "Authorization", "cookie", "set-cookie", "Set-Cookie", "credential", "credentials",
				"private_key", "privateKey", "client_secret", "access_key", "aws_secret_access_key", "session",
				"session_id", "sessionToken"))
			.allSatisfy((key) -> assertThat(keys.isSensitive(key)).as(key).isTrue());
		assertThat(List.of("user", "max_tokens", "input_tokens", "token_count", "city", "query", "author", "tokens"))
			.allSatisfy((key) -> assertThat(keys.isSensitive(key)).as(key).isFalse());
	}

	@Test
	void redactsByKeyInsideJsonTextAndJsonStringsInsideJson() {
		String arguments = "{\"city\":\"Lisbon\",\"apiKey\":\"k-123\",\"nested\":[{\"password\":{\"a\":\"deep-1\"}}],"
				+ "\"payload\":\"{\\\"token\\\":\\\"inner-1\\\",\\\"q\\\":1}\"}";
		CapturedContent content = this.policy.captureJsonOrText(arguments);
		assertThat(content.isJson()).isTrue();
		JsonNode tree = read(content);
		assertThat(tree.toString()).doesNotContain("k-123", "deep-1", "inner-1");
		assertThat(tree.at("/city").asString()).isEqualTo("Lisbon");
		assertThat(tree.at("/nested/0/password").asString()).isEqualTo("[REDACTED]");
		JsonNode payload = JSON.readTree(tree.at("/payload").asString());
		assertThat(payload.at("/token").asString()).isEqualTo("[REDACTED]");
		assertThat(payload.at("/q").asInt()).isEqualTo(1);
	}

	@Test
	void redactsByKeyInsideAPlainTextThatIsJson() {
		CapturedContent content = this.policy.capture("{\"session\":\"s-77\",\"text\":\"hello\"}");
		assertThat(content.isJson()).isFalse();
		assertThat(content.value()).isEqualTo("{\"session\":\"[REDACTED]\",\"text\":\"hello\"}");
	}

	@Test
	void redactsToolCallArgumentsAndResponsesInMessages() {
		CapturedContent content = this.policy.captureMessages(List.of(
				new GenAiMessage("assistant",
						List.of(new GenAiMessage.ToolCall("c1", "login", "{\"user\":\"bob\",\"password\":\"hunter2\"}")),
						null),
				new GenAiMessage("tool",
						List.of(new GenAiMessage.ToolCallResponse("c1", "{\"access_token\":\"at-9\",\"ok\":true}")),
						null)));
		assertThat(content.value()).doesNotContain("hunter2", "at-9").contains("\"user\":\"bob\"", "\"ok\":true");
		JsonNode messages = read(content);
		assertThat(messages.at("/0/parts/0/arguments/password").asString()).isEqualTo("[REDACTED]");
		assertThat(messages.at("/1/parts/0/response/access_token").asString()).isEqualTo("[REDACTED]");
	}

	@Test
	void usesKeysAddedByPropertyAndByRuleAndTheConfiguredReplacement() {
		SensitiveKeys keys = SensitiveKeys.of(true, List.of("ssn", "Internal-Ref"),
				List.of((key) -> key.startsWith("x-")));
		ContentPolicy custom = new ContentPolicy(CaptureMode.SPAN, 1000, List.of(), keys, "***");
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("customer_ssn", "123-45");
		value.put("internalRef", "r-1");
		value.put("x-tenant", "t-1");
		value.put("password", "p-1");
		value.put("name", "n-1");
		assertThat(custom.capture(value).value()).isEqualTo(
				"{\"customer_ssn\":\"***\",\"internalRef\":\"***\",\"x-tenant\":\"***\",\"password\":\"***\",\"name\":\"n-1\"}");
	}

	@Test
	void keepsEveryKeyWhenDefaultsAreOffAndNoKeyIsAdded() {
		ContentPolicy none = new ContentPolicy(CaptureMode.SPAN, 1000, List.of(), SensitiveKeys.of(false, List.of(),
				List.of()), "[REDACTED]");
		assertThat(none.captureArguments(Map.of("password", "p-1")).value()).isEqualTo("{\"password\":\"p-1\"}");
	}

	@Test
	void appliesTextRulesToKeysThemselves() {
		CapturedContent content = this.policy.capture(Map.of("sk-abcdefghijklmnopqrstuvwxyz", "v"));
		assertThat(content.value()).isEqualTo("{\"[REDACTED]\":\"v\"}");
	}

	private static JsonNode read(CapturedContent content) {
		return JSON.readTree(content.value());
	}

	record Login(String user, String password, Credentials keys) {
	}

	record Credentials(String accessKeyId, String privateKey, Map<String, Object> headers) {
	}

	/**
	 * A bean with getters and a property Jackson must leave out.
	 */
	static class Account {

		private final String name;

		private final String secretAnswer;

		private final String ssn;

		Account(String name, String secretAnswer, String ssn) {
			this.name = name;
			this.secretAnswer = secretAnswer;
			this.ssn = ssn;
		}

		public String getName() {
			return this.name;
		}

		public String getSecretAnswer() {
			return this.secretAnswer;
		}

		@JsonIgnore
		public String getSsn() {
			return this.ssn;
		}

	}

}
