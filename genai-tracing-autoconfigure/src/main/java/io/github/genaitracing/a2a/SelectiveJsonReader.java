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

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a UTF-8 JSON document (RFC 8259, strict: no comments, no trailing commas, no
 * leading zeros) from bytes, keeping only the object members whose names it is given, at
 * any depth: every other member's value is checked but never built. It is what the A2A
 * filter reads a JSON-RPC request and response with, instead of a general-purpose parser
 * per document: no parser set-up, no buffers, no strings for the names it skips. A
 * document that is not valid JSON, nests deeper than {@value #MAX_DEPTH}, or has anything
 * but white space after its value gives {@code null}.
 */
final class SelectiveJsonReader {

	/** The deepest nesting of objects and arrays read; deeper documents are not read. */
	static final int MAX_DEPTH = 64;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Eight bytes of a byte array read as one long. */
	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long ONES = 0x0101010101010101L;

	private static final long HIGH_BITS = 0x8080808080808080L;

	/** A byte below this is a control character. */
	private static final long SPACES = 0x2020202020202020L;

	private static final long QUOTES = 0x2222222222222222L;

	private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

	/** What {@link #shortPlainName} returns for a name it does not match itself. */
	private static final int NOT_SHORT_PLAIN = -2;

	private final byte[] in;

	private final int end;

	private final Names names;

	private int pos;

	private int depth;

	/** Whether the last string scanned had an escape sequence. */
	private boolean escaped;

	/** Tells, from the document read so far, that the rest is not needed; or {@code null}. */
	private final @Nullable Predicate<ObjectNode> enough;

	/** Tells, from the slots read so far, that the rest is not needed; or {@code null}. */
	private @Nullable Predicate<@Nullable String[]> enoughSlots;

	/** The document's object, built as it is read (for {@link #enough}). */
	private @Nullable ObjectNode root;

	/**
	 * Whether what was read is enough: every read returns at once, up to the document's
	 * (a flag, not an exception: unwinding compiled frames costs more than a small read).
	 */
	private boolean done;

	private SelectiveJsonReader(byte[] in, int length, Names names, @Nullable Predicate<ObjectNode> enough) {
		this(in, 0, length, names, enough);
	}

	private SelectiveJsonReader(byte[] in, int from, int length, Names names, @Nullable Predicate<ObjectNode> enough) {
		this.in = in;
		this.pos = from;
		this.end = from + length;
		this.names = names;
		this.enough = enough;
	}

	/**
	 * Reads a document keeping only the named members.
	 * @param body the bytes
	 * @param length how many bytes of {@code body} to read
	 * @param names the member names to keep
	 * @return the document with its kept members, or {@code null} when the body is empty
	 * or not valid JSON
	 */
	static @Nullable JsonNode read(byte[] body, int length, Names names) {
		return read(body, length, names, null);
	}

	/**
	 * Reads a document keeping only the named members, and stops as soon as what was read
	 * of an object document is enough: the members after that are neither read nor
	 * checked (for a document the application wrote, such as a task whose state and ids
	 * come before its history; also when the bytes are only the document's beginning). A
	 * document that is never enough is read as {@link #read(byte[], int, Names)} reads it.
	 * @param body the bytes
	 * @param length how many bytes of {@code body} to read
	 * @param names the member names to keep
	 * @param enough tells, from the kept members read so far (tested after each), that the
	 * rest is not needed
	 * @return the document with its kept members (as far as it was read), or {@code null}
	 * when it is not valid JSON before it was enough
	 */
	static @Nullable JsonNode readUntil(byte[] body, int length, Names names, Predicate<ObjectNode> enough) {
		return read(body, length, names, enough);
	}

	private static @Nullable JsonNode read(byte[] body, int length, Names names,
			@Nullable Predicate<ObjectNode> enough) {
		if (length <= 0 || length > body.length) {
			return null;
		}
		SelectiveJsonReader reader = new SelectiveJsonReader(body, length, names, enough);
		try {
			reader.skipByteOrderMark();
			if (reader.whitespace() == reader.end) {
				return null;
			}
			JsonNode root = reader.value();
			return (reader.done || reader.whitespace() == reader.end) ? root : null;
		}
		catch (Malformed | ArrayIndexOutOfBoundsException ex) {
			return null;
		}
	}

	/** {@link #readFields}: the body is empty or not valid JSON. */
	static final int NOT_JSON = -1;

	/** {@link #readFields}: the document is an object. */
	static final int OBJECT = 0;

	/** {@link #readFields}: the document is an array. */
	static final int ARRAY = 1;

	/** {@link #readFields}: the document is a string, a number, a literal. */
	static final int SCALAR = 2;

	/**
	 * The slot value of a kept member that is there without text: {@code null}, an object
	 * or an array (a leaf's), or an object (a member read into). Compared by identity.
	 */
	@SuppressWarnings("StringOperationCanBeSimplified")
	static final String PRESENT = new String("");

	/**
	 * The slot value of a member read into whose value is not an object. Compared by
	 * identity.
	 */
	@SuppressWarnings("StringOperationCanBeSimplified")
	static final String NOT_OBJECT = new String("");

	/**
	 * Reads the members of an object document at the given paths into slots, building
	 * nothing else: a member's value as its text ({@link #text}) — a string decoded, a
	 * number or a literal as Jackson writes it — {@link #PRESENT} for {@code null}, an
	 * object or an array, or, for a member read into, {@link #PRESENT} when it is an object
	 * and {@link #NOT_OBJECT} when not. A member named twice counts once, the last one (what
	 * reading the document into a tree gives), for the members under it too.
	 * @param body the bytes
	 * @param length how many bytes of {@code body} to read
	 * @param fields the members to read, by path
	 * @param slots where their values go, one per {@link Fields#slots() slot}
	 * @return what the document is: {@link #OBJECT}, {@link #ARRAY}, {@link #SCALAR}, or
	 * {@link #NOT_JSON} (then the slots mean nothing)
	 */
	static int readFields(byte[] body, int length, Fields fields, @Nullable String[] slots) {
		return readFields(body, length, fields, slots, null);
	}

	/**
	 * Reads as {@link #readFields(byte[], int, Fields, String[])} does, and stops as soon
	 * as the slots read so far are enough (tested after each member read, at any depth):
	 * the rest of the document is neither read nor checked.
	 * @param body the bytes
	 * @param length how many bytes of {@code body} to read
	 * @param fields the members to read, by path
	 * @param slots where their values go
	 * @param enough tells from the slots that the rest is not needed, or {@code null}
	 * @return what the document is, {@link #OBJECT} when it was enough before its end
	 */
	static int readFields(byte[] body, int length, Fields fields, @Nullable String[] slots,
			@Nullable Predicate<@Nullable String[]> enough) {
		if (length <= 0 || length > body.length) {
			return NOT_JSON;
		}
		SelectiveJsonReader reader = new SelectiveJsonReader(body, length, fields.names, null);
		reader.enoughSlots = enough;
		try {
			reader.skipByteOrderMark();
			if (reader.whitespace() == reader.end) {
				return NOT_JSON;
			}
			byte first = reader.nextSignificant();
			int kind;
			if (first == '{') {
				reader.fields(fields, slots);
				kind = OBJECT;
			}
			else {
				reader.pos--;
				reader.skipValue();
				kind = (first == '[') ? ARRAY : SCALAR;
			}
			return (reader.done || reader.whitespace() == reader.end) ? kind : NOT_JSON;
		}
		catch (Malformed | ArrayIndexOutOfBoundsException ex) {
			return NOT_JSON;
		}
	}

	/**
	 * Reads an object document's first bytes as
	 * {@link #readFields(byte[], int, Fields, String[], Predicate)} reads the whole
	 * document, and tells whether the slots became enough within them: then they hold what
	 * reading the whole document gives, whatever bytes follow (which a read that was
	 * enough never looks at).
	 * @param body the bytes
	 * @param from where the document starts in {@code body}
	 * @param length how many of its bytes are there
	 * @param fields the members to read, by path
	 * @param slots where their values go
	 * @param enough tells from the slots that the rest is not needed
	 * @return whether the slots were enough before the bytes ended
	 */
	static boolean readFieldsUntilEnough(byte[] body, int from, int length, Fields fields, @Nullable String[] slots,
			Predicate<@Nullable String[]> enough) {
		if (length <= 0 || from < 0 || length > body.length - from) {
			return false;
		}
		SelectiveJsonReader reader = new SelectiveJsonReader(body, from, length, fields.names, null);
		reader.enoughSlots = enough;
		try {
			reader.skipByteOrderMark();
			if (reader.whitespace() == reader.end || reader.nextSignificant() != '{') {
				return false;
			}
			reader.fields(fields, slots);
			// a number read up to the last byte there might go on in the bytes that follow
			return reader.done && reader.pos < reader.end;
		}
		catch (Malformed | ArrayIndexOutOfBoundsException ex) {
			return false;
		}
	}

	/**
	 * Returns a slot's text: {@code null} for a member that is not there or has none.
	 * @param slot the slot's value
	 * @return its text, or {@code null}
	 */
	static @Nullable String text(@Nullable String slot) {
		return (slot == PRESENT || slot == NOT_OBJECT) ? null : slot;
	}

	/** Reads an object's members (its opening brace read) into the slots. */
	private void fields(Fields fields, @Nullable String[] slots) {
		enter();
		if (nextSignificant() == '}') {
			this.depth--;
			return;
		}
		this.pos--;
		while (true) {
			int index = memberIndex(fields.names);
			if (index < 0) {
				skipValue();
			}
			else {
				Fields inner = fields.inner[index];
				int slot = fields.slotOf[index];
				byte first = nextSignificant();
				if (inner != null) {
					inner.clear(slots);
					if (first == '{') {
						slots[slot] = PRESENT;
						fields(inner, slots);
						if (this.done) {
							return;
						}
					}
					else {
						slots[slot] = NOT_OBJECT;
						this.pos--;
						skipValue();
					}
				}
				else {
					Names known = fields.knownValues[index];
					slots[slot] = (known != null && first == '"') ? knownText(known) : leafText(first);
				}
				if (this.enoughSlots != null && this.enoughSlots.test(slots)) {
					this.done = true;
					return;
				}
			}
			if (endOfMembers()) {
				this.depth--;
				return;
			}
		}
	}

	/**
	 * A kept leaf's string value (its opening quote read) as a slot's text: one of the
	 * known values itself when it is one (no string made), else decoded.
	 */
	private String knownText(Names known) {
		int start = this.pos;
		int close = string();
		int index = this.escaped ? -1 : known.indexOf(this.in, start, close);
		return (index >= 0) ? known.name(index) : decode(start, close);
	}

	/** A kept leaf's value (its first byte read) as a slot's text. */
	private String leafText(byte first) {
		switch (first) {
			case '"' -> {
				int start = this.pos;
				int close = string();
				return decode(start, close);
			}
			case 't' -> {
				literal("rue");
				return "true";
			}
			case 'f' -> {
				literal("alse");
				return "false";
			}
			case 'n' -> {
				literal("ull");
				return PRESENT;
			}
			case '{', '[' -> {
				this.pos--;
				skipValue();
				return PRESENT;
			}
			default -> {
				int start = this.pos - 1;
				boolean integral = scanNumber(first);
				if (integral && !(this.in[start] == '-' && this.in[start + 1] == '0')) {
					// an integer in strict JSON is written as Jackson writes it (all but -0)
					return new String(this.in, start, this.pos - start, StandardCharsets.US_ASCII);
				}
				this.pos = start + 1;
				return number(first).asString();
			}
		}
	}

	/** Reads a member's name and its colon; returns the name's index, or -1. */
	private int memberIndex(Names names) {
		if (nextSignificant() != '"') {
			throw Malformed.INSTANCE;
		}
		int start = this.pos;
		int index;
		if (start + 2 * Long.BYTES <= this.end) {
			index = shortPlainName(names, start);
			if (index != NOT_SHORT_PLAIN) {
				colon();
				return index;
			}
		}
		int close = string();
		index = this.escaped ? names.indexOf(decode(start, close)) : names.indexOf(this.in, start, close);
		colon();
		return index;
	}

	/**
	 * Matches a member's name of at most 15 plain bytes (printable ASCII other than the
	 * quote and the backslash) in one pass over its two words: the closing quote is found
	 * and the name packed at once. Returns the name's index or -1, with the reader after the
	 * closing quote; or {@link #NOT_SHORT_PLAIN}, with the reader where it was, for any other
	 * name. At least 16 bytes must follow {@code start}.
	 */
	private int shortPlainName(Names names, int start) {
		byte[] in = this.in;
		long first = (long) LONGS.get(in, start);
		long special = special(first);
		if (special != 0) {
			int length = Long.numberOfTrailingZeros(special) >>> 3;
			if (in[start + length] != '"') {
				return NOT_SHORT_PLAIN;
			}
			this.escaped = false;
			this.pos = start + length + 1;
			return names.indexOf(length, (length == 0) ? 0 : first & (-1L >>> (64 - 8 * length)), 0);
		}
		long second = (long) LONGS.get(in, start + Long.BYTES);
		special = special(second);
		if (special == 0) {
			return NOT_SHORT_PLAIN;
		}
		int length = Long.numberOfTrailingZeros(special) >>> 3;
		if (in[start + Long.BYTES + length] != '"') {
			return NOT_SHORT_PLAIN;
		}
		this.escaped = false;
		this.pos = start + Long.BYTES + length + 1;
		return names.indexOf(Long.BYTES + length, first, (length == 0) ? 0 : second & (-1L >>> (64 - 8 * length)));
	}

	/**
	 * The bytes of a word that a string's byte-by-byte check must see: a quote, a
	 * backslash, a control character or a byte of a multi-byte character. The lowest set
	 * bit is in the first such byte; bits above it may be set for bytes that are not.
	 */
	private static long special(long word) {
		long quotes = word ^ QUOTES;
		long backslashes = word ^ BACKSLASHES;
		return (((word - SPACES) & ~word) | ((quotes - ONES) & ~quotes) | ((backslashes - ONES) & ~backslashes)
				| word) & HIGH_BITS;
	}

	private void skipByteOrderMark() {
		int at = this.pos;
		if (this.end - at >= 3 && this.in[at] == (byte) 0xEF && this.in[at + 1] == (byte) 0xBB
				&& this.in[at + 2] == (byte) 0xBF) {
			this.pos = at + 3;
		}
	}

	/** Skips white space; returns the position of the next byte. */
	private int whitespace() {
		while (this.pos < this.end) {
			byte b = this.in[this.pos];
			if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
				break;
			}
			this.pos++;
		}
		return this.pos;
	}

	private byte nextSignificant() {
		if (whitespace() == this.end) {
			throw Malformed.INSTANCE;
		}
		return this.in[this.pos++];
	}

	private JsonNode value() {
		byte b = nextSignificant();
		switch (b) {
			case '{' -> {
				return object();
			}
			case '[' -> {
				return array();
			}
			case '"' -> {
				int start = this.pos;
				int close = string();
				return NODES.stringNode(decode(start, close));
			}
			case 't' -> {
				literal("rue");
				return NODES.booleanNode(true);
			}
			case 'f' -> {
				literal("alse");
				return NODES.booleanNode(false);
			}
			case 'n' -> {
				literal("ull");
				return NODES.nullNode();
			}
			default -> {
				return number(b);
			}
		}
	}

	private void skipValue() {
		byte b = nextSignificant();
		switch (b) {
			case '{' -> skipObject();
			case '[' -> skipArray();
			case '"' -> string();
			case 't' -> literal("rue");
			case 'f' -> literal("alse");
			case 'n' -> literal("ull");
			default -> scanNumber(b);
		}
	}

	private ObjectNode object() {
		ObjectNode object = NODES.objectNode();
		if (this.root == null && this.depth == 0) {
			this.root = object;
		}
		fill(object);
		return object;
	}

	/** Reads an object's members into it (its opening brace read). */
	private void fill(ObjectNode object) {
		enter();
		if (nextSignificant() == '}') {
			this.depth--;
			return;
		}
		this.pos--;
		while (true) {
			String kept = memberName();
			if (kept != null) {
				keptValue(object, kept);
				if (this.done) {
					return;
				}
			}
			else {
				skipValue();
			}
			if (endOfMembers()) {
				this.depth--;
				return;
			}
		}
	}

	/**
	 * Reads a kept member's value into its object: an object value is in its parent before
	 * its own members are read, so that the document read so far can be told
	 * {@link #enough} after each member at any depth (an array, and what it holds, joins
	 * its parent once it is read).
	 */
	private void keptValue(ObjectNode object, String name) {
		if (this.enough == null) {
			object.set(name, value());
			return;
		}
		if (nextSignificant() == '{') {
			ObjectNode child = NODES.objectNode();
			object.set(name, child);
			fill(child);
		}
		else {
			this.pos--;
			object.set(name, value());
		}
		if (!this.done) {
			this.done = this.root != null && this.enough.test(this.root);
		}
	}

	private void skipObject() {
		enter();
		if (nextSignificant() == '}') {
			this.depth--;
			return;
		}
		this.pos--;
		while (true) {
			if (nextSignificant() != '"') {
				throw Malformed.INSTANCE;
			}
			string();
			colon();
			skipValue();
			if (endOfMembers()) {
				this.depth--;
				return;
			}
		}
	}

	/** Reads a member's name and its colon; returns the name when it is kept. */
	private @Nullable String memberName() {
		if (nextSignificant() != '"') {
			throw Malformed.INSTANCE;
		}
		this.pos--;
		int index = memberIndex(this.names);
		return (index >= 0) ? this.names.name(index) : null;
	}

	private void colon() {
		if (nextSignificant() != ':') {
			throw Malformed.INSTANCE;
		}
	}

	private boolean endOfMembers() {
		byte b = nextSignificant();
		if (b == '}') {
			return true;
		}
		if (b != ',') {
			throw Malformed.INSTANCE;
		}
		return false;
	}

	private ArrayNode array() {
		enter();
		ArrayNode array = NODES.arrayNode();
		if (nextSignificant() == ']') {
			this.depth--;
			return array;
		}
		this.pos--;
		while (true) {
			array.add(value());
			if (this.done) {
				return array;
			}
			if (endOfElements()) {
				this.depth--;
				return array;
			}
		}
	}

	private void skipArray() {
		enter();
		if (nextSignificant() == ']') {
			this.depth--;
			return;
		}
		this.pos--;
		while (true) {
			skipValue();
			if (endOfElements()) {
				this.depth--;
				return;
			}
		}
	}

	private boolean endOfElements() {
		byte b = nextSignificant();
		if (b == ']') {
			return true;
		}
		if (b != ',') {
			throw Malformed.INSTANCE;
		}
		return false;
	}

	private void enter() {
		if (++this.depth > MAX_DEPTH) {
			throw Malformed.INSTANCE;
		}
	}

	private void literal(String rest) {
		for (int i = 0; i < rest.length(); i++) {
			if (this.pos >= this.end || this.in[this.pos++] != rest.charAt(i)) {
				throw Malformed.INSTANCE;
			}
		}
	}

	/**
	 * Checks a string whose opening quote was read; returns the position of its closing
	 * quote and leaves the reader after it.
	 */
	private int string() {
		this.escaped = false;
		byte[] in = this.in;
		int end = this.end;
		int i = skipPlainBytes(in, this.pos, end);
		while (i < end) {
			byte b = in[i];
			if (b == '"') {
				this.pos = i + 1;
				return i;
			}
			if (b == '\\') {
				this.escaped = true;
				i = escape(i + 1);
			}
			else if (b >= 0) {
				if (b < 0x20) {
					throw Malformed.INSTANCE;
				}
				i++;
			}
			else {
				i = multiByte(i);
			}
		}
		throw Malformed.INSTANCE;
	}

	/**
	 * Skips, eight bytes at a time, the bytes of a string that need no check of their
	 * own: printable ASCII other than the quote and the backslash. Returns the position of
	 * the first group of eight that holds any other byte (a quote, a backslash, a control
	 * character or a byte of a multi-byte character), or of the last bytes, for the
	 * byte-by-byte check; a group is only ever skipped when none of its bytes can end the
	 * string or needs checking.
	 */
	private static int skipPlainBytes(byte[] in, int from, int end) {
		int i = from;
		while (i + Long.BYTES <= end) {
			if (special((long) LONGS.get(in, i)) != 0) {
				return i;
			}
			i += Long.BYTES;
		}
		return i;
	}

	/** Checks an escape sequence starting after its backslash; returns where it ends. */
	private int escape(int at) {
		if (at >= this.end) {
			throw Malformed.INSTANCE;
		}
		switch (this.in[at]) {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
				return at + 1;
			}
			case 'u' -> {
				if (at + 4 >= this.end) {
					throw Malformed.INSTANCE;
				}
				for (int i = at + 1; i <= at + 4; i++) {
					if (hex(this.in[i]) < 0) {
						throw Malformed.INSTANCE;
					}
				}
				return at + 5;
			}
			default -> throw Malformed.INSTANCE;
		}
	}

	/** Checks one UTF-8 encoded character of two to four bytes; returns where it ends. */
	private int multiByte(int at) {
		int lead = this.in[at] & 0xFF;
		int continuation;
		if ((lead & 0xE0) == 0xC0 && lead >= 0xC2) {
			continuation = 1;
		}
		else if ((lead & 0xF0) == 0xE0) {
			continuation = 2;
		}
		else if ((lead & 0xF8) == 0xF0 && lead <= 0xF4) {
			continuation = 3;
		}
		else {
			throw Malformed.INSTANCE;
		}
		for (int i = at + 1; i <= at + continuation; i++) {
			if (i >= this.end || (this.in[i] & 0xC0) != 0x80) {
				throw Malformed.INSTANCE;
			}
		}
		return at + continuation + 1;
	}

	private static int hex(byte b) {
		if (b >= '0' && b <= '9') {
			return b - '0';
		}
		if (b >= 'a' && b <= 'f') {
			return b - 'a' + 10;
		}
		if (b >= 'A' && b <= 'F') {
			return b - 'A' + 10;
		}
		return -1;
	}

	/** Decodes a checked string's content, from after its opening quote to its closing one. */
	private String decode(int start, int close) {
		if (!this.escaped) {
			return new String(this.in, start, close - start, StandardCharsets.UTF_8);
		}
		StringBuilder text = new StringBuilder(close - start);
		int run = start;
		int i = start;
		while (i < close) {
			if (this.in[i] != '\\') {
				i++;
				continue;
			}
			text.append(new String(this.in, run, i - run, StandardCharsets.UTF_8));
			byte kind = this.in[i + 1];
			switch (kind) {
				case 'b' -> text.append('\b');
				case 'f' -> text.append('\f');
				case 'n' -> text.append('\n');
				case 'r' -> text.append('\r');
				case 't' -> text.append('\t');
				case 'u' -> {
					int code = 0;
					for (int j = i + 2; j < i + 6; j++) {
						code = (code << 4) | hex(this.in[j]);
					}
					text.append((char) code);
					i += 4;
				}
				default -> text.append((char) kind);
			}
			i += 2;
			run = i;
		}
		text.append(new String(this.in, run, close - run, StandardCharsets.UTF_8));
		return text.toString();
	}

	private JsonNode number(byte first) {
		int start = this.pos - 1;
		boolean integral = scanNumber(first);
		String text = new String(this.in, start, this.pos - start, StandardCharsets.US_ASCII);
		if (!integral) {
			return NODES.numberNode(Double.parseDouble(text));
		}
		if (this.pos - start <= 18) {
			long value = Long.parseLong(text);
			return (value == (int) value) ? NODES.numberNode((int) value) : NODES.numberNode(value);
		}
		BigInteger value = new BigInteger(text);
		return (value.bitLength() < 64) ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
	}

	/**
	 * Checks a number whose first byte was read; returns whether it has neither fraction
	 * nor exponent.
	 */
	private boolean scanNumber(byte first) {
		byte b = first;
		if (b == '-') {
			b = (this.pos < this.end) ? this.in[this.pos++] : 0;
		}
		if (b == '0') {
			// no leading zeros
		}
		else if (b >= '1' && b <= '9') {
			digits();
		}
		else {
			throw Malformed.INSTANCE;
		}
		boolean integral = true;
		if (this.pos < this.end && this.in[this.pos] == '.') {
			this.pos++;
			requireDigits();
			integral = false;
		}
		if (this.pos < this.end && (this.in[this.pos] == 'e' || this.in[this.pos] == 'E')) {
			this.pos++;
			if (this.pos < this.end && (this.in[this.pos] == '+' || this.in[this.pos] == '-')) {
				this.pos++;
			}
			requireDigits();
			integral = false;
		}
		return integral;
	}

	private void requireDigits() {
		int start = this.pos;
		digits();
		if (this.pos == start) {
			throw Malformed.INSTANCE;
		}
	}

	private void digits() {
		while (this.pos < this.end && this.in[this.pos] >= '0' && this.in[this.pos] <= '9') {
			this.pos++;
		}
	}

	/**
	 * The member names a read keeps, matched against a member's bytes without decoding
	 * them. A name of at most 16 bytes is kept as its length and its bytes packed into two
	 * {@code long}s, all in one array: a lookup compares numbers in a few adjacent words
	 * instead of following a reference per name (under load the reader's tables are
	 * seldom in the processor's caches, and each reference followed is a miss).
	 */
	static final class Names {

		/** Bytes of a name that fit the packed keys. */
		private static final int PACKED = 16;

		private final String[] names;

		private final byte[][] bytes;

		/** Per name (in order), three words: its length in bytes, then its first 16 bytes packed. */
		private final long[] keys;

		/** The indexes of the names longer than {@link #PACKED} bytes, compared byte by byte. */
		private final int[] longer;

		private Names(String[] names) {
			this.names = names;
			this.bytes = new byte[names.length][];
			this.keys = new long[3 * names.length];
			int longerCount = 0;
			for (int i = 0; i < names.length; i++) {
				byte[] name = names[i].getBytes(StandardCharsets.UTF_8);
				this.bytes[i] = name;
				if (name.length > PACKED) {
					longerCount++;
					this.keys[3 * i] = -1;
				}
				else {
					this.keys[3 * i] = name.length;
					this.keys[3 * i + 1] = pack(name, 0, Math.min(name.length, 8));
					this.keys[3 * i + 2] = (name.length > 8) ? pack(name, 8, name.length - 8) : 0;
				}
			}
			this.longer = new int[longerCount];
			for (int i = 0, n = 0; i < names.length; i++) {
				if (this.bytes[i].length > PACKED) {
					this.longer[n++] = i;
				}
			}
		}

		/** Packs up to 8 bytes into a {@code long}, the first in the lowest byte. */
		private static long pack(byte[] in, int from, int count) {
			long packed = 0;
			for (int i = 0; i < count; i++) {
				packed |= (in[from + i] & 0xFFL) << (8 * i);
			}
			return packed;
		}

		/**
		 * Returns these names.
		 * @param names the member names
		 * @return the names to keep
		 */
		static Names of(String... names) {
			return new Names(java.util.Arrays.stream(names).distinct().toArray(String[]::new));
		}

		/**
		 * Returns these names and more.
		 * @param more further member names
		 * @return the names to keep
		 */
		Names with(String... more) {
			String[] all = java.util.Arrays.copyOf(this.names, this.names.length + more.length);
			System.arraycopy(more, 0, all, this.names.length, more.length);
			return of(all);
		}

		String name(int index) {
			return this.names[index];
		}

		@Nullable String match(byte[] in, int start, int close) {
			int index = indexOf(in, start, close);
			return (index >= 0) ? this.names[index] : null;
		}

		int indexOf(byte[] in, int start, int close) {
			int length = close - start;
			if (length > PACKED) {
				for (int index : this.longer) {
					if (this.bytes[index].length == length && same(this.bytes[index], in, start)) {
						return index;
					}
				}
				return -1;
			}
			return indexOf(length, pack(in, start, Math.min(length, 8)),
					(length > 8) ? pack(in, start + 8, length - 8) : 0);
		}

		/**
		 * Returns the index of the name of at most 16 bytes with this length and these
		 * bytes packed (the first 8, then the rest), or -1.
		 */
		int indexOf(int length, long first, long second) {
			long[] keys = this.keys;
			for (int i = 0; i < keys.length; i += 3) {
				if (keys[i] == length && keys[i + 1] == first && keys[i + 2] == second) {
					return i / 3;
				}
			}
			return -1;
		}

		private static boolean same(byte[] name, byte[] in, int start) {
			for (int i = 0; i < name.length; i++) {
				if (name[i] != in[start + i]) {
					return false;
				}
			}
			return true;
		}

		int indexOf(String name) {
			for (int i = 0; i < this.names.length; i++) {
				if (this.names[i].equals(name)) {
					return i;
				}
			}
			return -1;
		}

	}

	/**
	 * The members {@link #readFields} reads, by path: each a slot of its own, and for an
	 * object member the members read inside it.
	 */
	static final class Fields {

		private final Names names;

		/** By name index: the member's slot. */
		private final int[] slotOf;

		/** By name index: the members read inside the member's object, or {@code null}. */
		private final @Nullable Fields[] inner;

		/** By name index: the values a leaf is known to take, or {@code null}. */
		private final @Nullable Names[] knownValues;

		/** The slots of this level's members and of every member inside them. */
		private final int[] subtree;

		private Fields(List<Member> members) {
			this.names = Names.of(members.stream().map(Member::name).toArray(String[]::new));
			if (members.size() != this.names.names.length) {
				throw new IllegalArgumentException("A member named twice at one level");
			}
			this.slotOf = new int[members.size()];
			this.inner = new Fields[members.size()];
			this.knownValues = new Names[members.size()];
			java.util.stream.IntStream.Builder subtree = java.util.stream.IntStream.builder();
			for (Member member : members) {
				int index = this.names.indexOf(member.name());
				this.slotOf[index] = member.slot();
				this.inner[index] = member.inner();
				this.knownValues[index] = member.knownValues();
				subtree.add(member.slot());
				if (member.inner() != null) {
					java.util.Arrays.stream(member.inner().subtree).forEach(subtree::add);
				}
			}
			this.subtree = subtree.build().toArray();
		}

		/**
		 * Returns the members of a document's top level.
		 * @param members its members
		 * @return the fields to read
		 */
		static Fields of(Member... members) {
			return new Fields(List.of(members));
		}

		/**
		 * Returns a member whose value is read into a slot.
		 * @param name the member's name
		 * @param slot its slot
		 * @return the member
		 */
		static Member leaf(String name, int slot) {
			return new Member(name, slot, null, null);
		}

		/**
		 * Returns a member whose value is read into a slot, and is often one of a few
		 * known strings: such a value is the known string itself, so that reading it makes
		 * no string and looking it up hashes nothing.
		 * @param name the member's name
		 * @param slot its slot
		 * @param knownValues the strings it often is
		 * @return the member
		 */
		static Member leaf(String name, int slot, String... knownValues) {
			return new Member(name, slot, null, Names.of(knownValues));
		}

		/**
		 * Returns a member whose object is read into, its slot telling whether it is one.
		 * @param name the member's name
		 * @param slot its slot
		 * @param members the members read inside it
		 * @return the member
		 */
		static Member object(String name, int slot, Member... members) {
			return new Member(name, slot, new Fields(List.of(members)), null);
		}

		/**
		 * Returns how many slots a read of these fields needs.
		 * @return one more than the highest slot
		 */
		int slots() {
			return java.util.Arrays.stream(this.subtree).max().orElse(-1) + 1;
		}

		/** Forgets what was read inside a member read again (the last one counts). */
		private void clear(@Nullable String[] slots) {
			for (int slot : this.subtree) {
				slots[slot] = null;
			}
		}

		/**
		 * A member read by {@link #readFields}.
		 *
		 * @param name its name
		 * @param slot its slot
		 * @param inner the members read inside its object, or {@code null} for a leaf
		 * @param knownValues the strings a leaf often is, or {@code null}
		 */
		record Member(String name, int slot, @Nullable Fields inner, @Nullable Names knownValues) {
		}

	}

	/**
	 * Thrown inside the reader when the document is not valid JSON; never leaves it.
	 */
	private static final class Malformed extends RuntimeException {

		static final Malformed INSTANCE = new Malformed();

		private Malformed() {
			super(null, null, false, false);
		}

	}

}
