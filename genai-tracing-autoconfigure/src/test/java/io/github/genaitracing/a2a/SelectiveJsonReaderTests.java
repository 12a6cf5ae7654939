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

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SelectiveJsonReader}: it keeps what Jackson's streaming parser would
 * keep, and rejects what it rejects, on A2A documents and thousands of damaged copies.
 */
class SelectiveJsonReaderTests {

	private static final Set<String> KEPT = Set.of("jsonrpc", "method", "id", "params", "message", "messageId",
			"contextId", "taskId", "parts", "text", "result", "status", "state", "error", "code");

	private static final SelectiveJsonReader.Names NAMES = SelectiveJsonReader.Names.of(KEPT.toArray(String[]::new));

	private static final List<String> DOCUMENTS = List.of(
			"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\",\"params\":{\"message\":{\"kind\":\"message\","
					+ "\"messageId\":\"m-1\",\"role\":\"user\",\"contextId\":\"ctx-1\",\"parts\":[{\"kind\":\"text\","
					+ "\"text\":\"What is the weather in Paris? caf\u00e9 \u65e5\u672c \ud83d\ude00\"}]}}}",
			"{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"result\":{\"kind\":\"task\",\"id\":\"t-1\",\"contextId\":\"c\","
					+ "\"status\":{\"state\":\"completed\",\"timestamp\":\"2026-12-01T00:00:00Z\"},\"history\":"
					+ "[{\"parts\":[{\"text\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\"}]}],\"metadata\":{}}}",
			"{\"jsonrpc\":\"2.0\",\"id\":12345678901234567890123,\"error\":{\"code\":-32601,\"message\":\"nope\","
					+ "\"data\":[1,-0,0.5,-1.25e+3,2E-2,true,false,null,{},[],\"\"]}}",
			"  \r\n\t{ \"id\" : 2147483648 , \"method\" : \"tasks/get\" , \"params\" : { \"id\" : \"t\" } }  \n",
			"[{\"jsonrpc\":\"2.0\",\"id\":1},{\"jsonrpc\":\"2.0\",\"id\":2}]",
			"{\"m\\u0065thod\":\"escaped name\",\"te\\\"xt\":1,\"id\":-9223372036854775808,\"code\":9223372036854775808}",
			"\"just a string\"", "42", "true", "null", "{}", "[]", "{\"id\":{\"id\":{\"id\":[[[{\"id\":1.0}]]]}}}");

	@Test
	void keepsTheSameMembersAsJacksonsStreamingParser() {
		for (String document : DOCUMENTS) {
			byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
			JsonNode expected = jackson(bytes, bytes.length);
			assertThat(expected).as(document).isNotNull();
			assertThat(SelectiveJsonReader.read(bytes, bytes.length, NAMES)).as(document).isEqualTo(expected);
		}
	}

	@Test
	void findsEveryNameOfAnyLengthAndNothingThatDiffersInOneByte() {
		// lengths around the packed keys' 8- and 16-byte limits, a multi-byte name, shared prefixes
		List<String> names = List.of("a", "id", "kind", "messageI", "messageId", "contextId", "abcdefghijklmno",
				"abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnopr", "referenceTaskIdsOfALongerName",
				"caf\u00e9", "\u65e5\u672c\u8a9e\u306e\u540d\u524d\u3067\u3059");
		SelectiveJsonReader.Names kept = SelectiveJsonReader.Names.of(names.toArray(String[]::new));
		for (String name : names) {
			byte[] bytes = ("\"" + name + "\"").getBytes(StandardCharsets.UTF_8);
			// at an offset, as in a document
			assertThat(kept.match(bytes, 1, bytes.length - 1)).isEqualTo(name);
			for (int i = 1; i < bytes.length - 1; i++) {
				byte[] changed = bytes.clone();
				changed[i] ^= 0x01;
				String match = kept.match(changed, 1, changed.length - 1);
				String decoded = new String(changed, 1, changed.length - 2, StandardCharsets.UTF_8);
				assertThat(match).as("%s with byte %d changed", name, i)
					.isEqualTo(names.contains(decoded) ? decoded : null);
			}
			assertThat(kept.match(bytes, 1, bytes.length - 2)).as("%s without its last byte", name)
				.isEqualTo(names.contains(name.substring(0, name.length() - 1)) ? name.substring(0, name.length() - 1)
						: null);
		}
		assertThat(kept.match(new byte[0], 0, 0)).isNull();
	}

	@Test
	void readUntilStopsOnceWhatWasReadIsEnough() {
		SelectiveJsonReader.Names names = SelectiveJsonReader.Names.of("result", "id", "status", "state");
		byte[] bytes = "{\"result\":{\"id\":\"t\",\"status\":{\"state\":\"working\"},\"history\":[not json"
			.getBytes(StandardCharsets.UTF_8);
		assertThat(SelectiveJsonReader.read(bytes, bytes.length, names)).isNull();
		// tested after each kept member, the containers already in place
		JsonNode root = SelectiveJsonReader.readUntil(bytes, bytes.length, names,
				(read) -> read.path("result").path("status").has("state"));
		assertThat(root.toString()).isEqualTo("{\"result\":{\"id\":\"t\",\"status\":{\"state\":\"working\"}}}");
	}

	@Test
	void readUntilReadsADocumentThatIsNeverEnoughAsReadDoes() {
		for (String document : DOCUMENTS) {
			byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
			assertThat(SelectiveJsonReader.readUntil(bytes, bytes.length, NAMES, (read) -> false)).as(document)
				.isEqualTo(SelectiveJsonReader.read(bytes, bytes.length, NAMES));
		}
		byte[] cut = "{\"result\":{\"id\":\"t\",\"status\":{\"sta".getBytes(StandardCharsets.UTF_8);
		// cut before it was enough
		assertThat(SelectiveJsonReader.readUntil(cut, cut.length, NAMES,
				(read) -> read.path("result").path("status").has("state")))
			.isNull();
	}

	@Test
	void keepsOnlyTheNamedMembersAtAnyDepth() {
		byte[] bytes = DOCUMENTS.get(1).getBytes(StandardCharsets.UTF_8);
		JsonNode root = SelectiveJsonReader.read(bytes, bytes.length, SelectiveJsonReader.Names.of("result", "status",
				"state"));
		assertThat(root.toString()).isEqualTo("{\"result\":{\"status\":{\"state\":\"completed\"}}}");
	}

	@Test
	void readsOnlyTheGivenLengthOfTheBuffer() {
		byte[] bytes = "{\"id\":1}GARBAGE".getBytes(StandardCharsets.UTF_8);
		assertThat(SelectiveJsonReader.read(bytes, 8, NAMES).toString()).isEqualTo("{\"id\":1}");
		assertThat(SelectiveJsonReader.read(bytes, 7, NAMES)).isNull();
		assertThat(SelectiveJsonReader.read(bytes, 0, NAMES)).isNull();
	}

	@Test
	void rejectsWhatIsNotJson() {
		List<String> malformed = List.of("", "   ", "{", "}", "{\"id\":}", "{\"id\":1,}", "[1,]", "{id:1}",
				"{'id':1}", "{\"id\":01}", "{\"id\":1.}", "{\"id\":.5}", "{\"id\":1e}", "{\"id\":+1}", "{\"id\":-}",
				"{\"id\":tru}", "{\"id\":nul}", "{\"id\":truex}", "{\"id\":\"a\\x\"}", "{\"id\":\"\\u12G4\"}",
				"{\"id\":\"unterminated}", "{\"id\":\"tab\there\"}", "{\"id\":1}{\"id\":2}", "{\"id\":1} x",
				"{\"id\" 1}", "{\"id\":1 \"method\":2}", "[1 2]", "// comment\n{}", "{\"id\":NaN}", "\"\\u00\"");
		for (String document : malformed) {
			byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
			assertThat(SelectiveJsonReader.read(bytes, bytes.length, NAMES)).as(document).isNull();
			assertThat(jackson(bytes, bytes.length)).as("Jackson agrees on " + document).isNull();
		}
	}

	@Test
	void rejectsInvalidUtf8() {
		byte[][] invalid = { { '"', (byte) 0xC3, '"' }, { '"', (byte) 0xFF, '"' }, { '"', (byte) 0x80, '"' },
				{ '"', (byte) 0xE6, (byte) 0x97, '"' }, { '"', (byte) 0xC0, (byte) 0x80, '"' } };
		for (byte[] document : invalid) {
			assertThat(SelectiveJsonReader.read(document, document.length, NAMES)).isNull();
		}
	}

	@Test
	void readsSixtyFourLevelsOfNestingAndNoMore() {
		String deepest = "[".repeat(SelectiveJsonReader.MAX_DEPTH) + "]".repeat(SelectiveJsonReader.MAX_DEPTH);
		String tooDeep = "{\"x\":" + deepest + "}";
		byte[] ok = deepest.getBytes(StandardCharsets.UTF_8);
		byte[] deep = tooDeep.getBytes(StandardCharsets.UTF_8);
		assertThat(SelectiveJsonReader.read(ok, ok.length, NAMES)).isNotNull();
		assertThat(jackson(ok, ok.length)).isNotNull();
		assertThat(SelectiveJsonReader.read(deep, deep.length, NAMES)).as("also when skipped").isNull();
		assertThat(jackson(deep, deep.length)).isNull();
	}

	@Test
	void agreesWithJacksonOnLongStringsWithAnyByteAtAnyPosition() {
		// strings are skipped eight bytes at a time; every byte that ends or needs checking,
		// at every position of the group it falls in
		byte[][] specials = { { '"' }, { '\\', 'n' }, { '\\', '"' }, { '\\', 'u', '0', '0', 'e', '9' }, { '\\', 'x' },
				{ 0x01 }, { 0x1F }, { 0x7F }, { (byte) 0xC3, (byte) 0xA9 }, { (byte) 0xE2, (byte) 0x82, (byte) 0xAC },
				{ (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80 }, { (byte) 0xC3 }, { (byte) 0x80 },
				{ (byte) 0xFF } };
		int compared = 0;
		for (byte[] special : specials) {
			for (int at = 0; at < 24; at++) {
				ByteArrayOutputStream document = new ByteArrayOutputStream();
				document.writeBytes("{\"id\":1,\"message\":\"".getBytes(StandardCharsets.UTF_8));
				document.writeBytes("a".repeat(at).getBytes(StandardCharsets.UTF_8));
				document.writeBytes(special);
				document.writeBytes("b".repeat(30 - at).getBytes(StandardCharsets.UTF_8));
				document.writeBytes("\",\"method\":\"m\"}".getBytes(StandardCharsets.UTF_8));
				byte[] bytes = document.toByteArray();
				assertThat(SelectiveJsonReader.read(bytes, bytes.length, NAMES))
					.as(new String(bytes, StandardCharsets.UTF_8))
					.isEqualTo(jackson(bytes, bytes.length));
				compared++;
			}
		}
		assertThat(compared).isEqualTo(specials.length * 24);
	}

	@Test
	void agreesWithJacksonOnMemberNamesOfAnyLengthWithAnyByteAtAnyPosition() {
		// a name of up to 15 plain bytes is matched a word at a time: every length around
		// the words' limits, every byte that ends or needs checking at every position, and
		// names that end the document's readable bytes
		byte[][] specials = { {}, { '\\', 'n' }, { '\\', '"' }, { '\\', 'u', '0', '0', '6', '4' }, { '\\', 'x' },
				{ 0x01 }, { 0x1F }, { 0x7F }, { (byte) 0xC3, (byte) 0xA9 }, { (byte) 0xC3 }, { (byte) 0xFF } };
		// Jackson lets a name's invalid UTF-8 pass; the reader rejects it, as in a value
		Set<Integer> invalid = Set.of(specials.length - 2, specials.length - 1);
		int compared = 0;
		for (int s = 0; s < specials.length; s++) {
			byte[] special = specials[s];
			for (int length = 0; length <= 18; length++) {
				for (int at = 0; at <= length; at++) {
					String before = "messageIdcontextI".substring(0, Math.min(at, 17));
					String after = "messageIdcontextI".substring(Math.min(at, 17), Math.min(length, 17));
					for (String tail : List.of(":1,\"id\":2}", ":1}", "")) {
						ByteArrayOutputStream document = new ByteArrayOutputStream();
						document.writeBytes("{\"".getBytes(StandardCharsets.UTF_8));
						document.writeBytes(before.getBytes(StandardCharsets.UTF_8));
						document.writeBytes(special);
						document.writeBytes(after.getBytes(StandardCharsets.UTF_8));
						document.writeBytes(("\"" + tail).getBytes(StandardCharsets.UTF_8));
						byte[] bytes = document.toByteArray();
						assertThat(SelectiveJsonReader.read(bytes, bytes.length, NAMES))
							.as(new String(bytes, StandardCharsets.UTF_8))
							.isEqualTo(invalid.contains(s) ? null : jackson(bytes, bytes.length));
						compared++;
					}
				}
			}
		}
		assertThat(compared).isEqualTo(specials.length * 190 * 3);
	}

	@Test
	void givesAKnownValueAsTheKnownStringItselfAndAnyOtherValueDecoded() {
		String completed = new String("completed".toCharArray());
		SelectiveJsonReader.Fields fields = SelectiveJsonReader.Fields
			.of(SelectiveJsonReader.Fields.leaf("state", 0, completed, "working"));
		assertThat(readSlot(fields, "{\"state\":\"completed\"}")).isSameAs(completed);
		// an escaped spelling of a known value is decoded, to an equal string
		assertThat(readSlot(fields, "{\"state\":\"complete\\u0064\"}")).isEqualTo("completed").isNotSameAs(completed);
		assertThat(readSlot(fields, "{\"state\":\"completedx\"}")).isEqualTo("completedx");
		assertThat(readSlot(fields, "{\"state\":\"complete\"}")).isEqualTo("complete");
		assertThat(readSlot(fields, "{\"state\":\"caf\u00e9\"}")).isEqualTo("caf\u00e9");
		assertThat(readSlot(fields, "{\"state\":7}")).isEqualTo("7");
		assertThat(readSlot(fields, "{\"state\":true}")).isEqualTo("true");
	}

	private static @Nullable String readSlot(SelectiveJsonReader.Fields fields, String document) {
		byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
		@Nullable String[] slots = new String[fields.slots()];
		assertThat(SelectiveJsonReader.readFields(bytes, bytes.length, fields, slots)).as(document)
			.isEqualTo(SelectiveJsonReader.OBJECT);
		return slots[0];
	}

	@Test
	void agreesWithJacksonOnDamagedDocuments() {
		Random random = new Random(20261201L);
		int compared = 0;
		byte[] alphabet = "{}[],:\"\\ 0123456789-+.eEtrufalsn/ubfnrt\u00e9".getBytes(StandardCharsets.UTF_8);
		for (int round = 0; round < 4000; round++) {
			byte[] original = DOCUMENTS.get(random.nextInt(DOCUMENTS.size())).getBytes(StandardCharsets.UTF_8);
			List<Byte> bytes = new ArrayList<>();
			for (byte b : original) {
				bytes.add(b);
			}
			int edits = 1 + random.nextInt(3);
			for (int e = 0; e < edits && !bytes.isEmpty(); e++) {
				int at = random.nextInt(bytes.size());
				switch (random.nextInt(3)) {
					case 0 -> bytes.remove(at);
					case 1 -> bytes.add(at, alphabet[random.nextInt(alphabet.length)]);
					default -> bytes.set(at, alphabet[random.nextInt(alphabet.length)]);
				}
			}
			byte[] damaged = new byte[bytes.size()];
			for (int i = 0; i < damaged.length; i++) {
				damaged[i] = bytes.get(i);
			}
			JsonNode expected = jackson(damaged, damaged.length);
			JsonNode actual = SelectiveJsonReader.read(damaged, damaged.length, NAMES);
			assertThat(actual).as(new String(damaged, StandardCharsets.UTF_8)).isEqualTo(expected);
			compared++;
		}
		assertThat(compared).isEqualTo(4000);
	}

	private static final JsonMapper MAPPER = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
			.build())
		.build();

	/**
	 * The reference: Jackson's streaming parser, keeping the same members (how the filter
	 * read documents before).
	 */
	private static @Nullable JsonNode jackson(byte[] body, int length) {
		if (length == 0) {
			return null;
		}
		try (JsonParser parser = MAPPER.createParser(body, 0, length)) {
			JsonToken token = parser.nextToken();
			if (token == null) {
				return null;
			}
			JsonNode root = value(parser, token);
			return (parser.nextToken() == null) ? root : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static JsonNode value(JsonParser parser, JsonToken token) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		switch (token) {
			case START_OBJECT -> {
				ObjectNode object = nodes.objectNode();
				String name;
				while ((name = parser.nextName()) != null) {
					JsonToken member = parser.nextToken();
					if (KEPT.contains(name)) {
						object.set(name, value(parser, member));
					}
					else {
						parser.skipChildren();
					}
				}
				return object;
			}
			case START_ARRAY -> {
				ArrayNode array = nodes.arrayNode();
				JsonToken element;
				while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
					array.add(value(parser, element));
				}
				return array;
			}
			case VALUE_STRING -> {
				return nodes.stringNode(parser.getString());
			}
			case VALUE_NUMBER_INT -> {
				return switch (parser.getNumberType()) {
					case INT -> nodes.numberNode(parser.getIntValue());
					case LONG -> nodes.numberNode(parser.getLongValue());
					default -> nodes.numberNode(parser.getBigIntegerValue());
				};
			}
			case VALUE_NUMBER_FLOAT -> {
				return nodes.numberNode(parser.getDoubleValue());
			}
			case VALUE_TRUE -> {
				return nodes.booleanNode(true);
			}
			case VALUE_FALSE -> {
				return nodes.booleanNode(false);
			}
			case VALUE_NULL -> {
				return nodes.nullNode();
			}
			default -> throw new IllegalStateException("unexpected " + token);
		}
	}

}
