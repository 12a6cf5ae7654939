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

import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * Writes one JSON document of at most a given number of characters, structure included.
 * When the next token does not fit, a string is cut with {@link ContentPolicy#TRUNCATION_MARKER},
 * or a marker element (in an array) or marker member (in an object) is written, and every
 * later token is dropped; {@link #finish()} closes what is open, so the result is always
 * valid JSON. Callers stop walking their value once {@link #isExhausted()}.
 */
final class BoundedJsonWriter {

	/** Deepest nesting written; a deeper value is replaced by {@link #TOO_DEEP}. */
	static final int MAX_DEPTH = 32;

	static final String TOO_DEEP = "…[too deep]";

	static final String CYCLE = "…[cycle]";

	/** Characters past the cut that are redacted with the kept text. */
	private static final int REDACTION_MARGIN = 1024;

	/** Room always kept for a marker member: {@code ,"…[truncated]":"…[truncated]"}. */
	private static final int MARKER_ROOM = 2 * (ContentPolicy.TRUNCATION_MARKER.length() + 2) + 2;

	private final StringBuilder out = new StringBuilder(64);

	private final int limit;

	private final UnaryOperator<String> redactor;

	private final String replacement;

	private boolean[] objects = new boolean[8];

	private int[] counts = new int[8];

	private int depth;

	private boolean afterName;

	private boolean exhausted;

	BoundedJsonWriter(int limit, UnaryOperator<String> redactor, String replacement) {
		this.limit = limit;
		this.redactor = redactor;
		this.replacement = replacement;
	}

	boolean isExhausted() {
		return this.exhausted;
	}

	int depth() {
		return this.depth;
	}

	int length() {
		return this.out.length();
	}

	/**
	 * Returns the characters a value written now may take, structure already written and
	 * room for closing included.
	 * @return the room left
	 */
	int room() {
		return this.limit - this.out.length() - separatorLength() - this.depth - MARKER_ROOM;
	}

	/**
	 * Returns the state to go back to with {@link #reset(Mark)}; valid while nothing
	 * opened before it is closed.
	 * @return the mark
	 */
	Mark mark() {
		int count = (this.depth > 0) ? this.counts[this.depth - 1] : 0;
		return new Mark(this.out.length(), this.depth, count, this.afterName, this.exhausted);
	}

	/**
	 * Forgets everything written since the mark.
	 * @param mark the mark
	 */
	void reset(Mark mark) {
		this.out.setLength(mark.length());
		this.depth = mark.depth();
		if (this.depth > 0) {
			this.counts[this.depth - 1] = mark.count();
		}
		this.afterName = mark.afterName();
		this.exhausted = mark.exhausted();
	}

	boolean startObject() {
		return start(true);
	}

	boolean startArray() {
		return start(false);
	}

	private boolean start(boolean object) {
		if (this.exhausted) {
			return false;
		}
		if (this.depth >= MAX_DEPTH) {
			marker(TOO_DEEP);
			return false;
		}
		if (room() < 2) {
			cut();
			return false;
		}
		beforeValue();
		this.out.append(object ? '{' : '[');
		if (this.depth == this.objects.length) {
			this.objects = Arrays.copyOf(this.objects, this.depth * 2);
			this.counts = Arrays.copyOf(this.counts, this.depth * 2);
		}
		this.objects[this.depth] = object;
		this.counts[this.depth] = 0;
		this.depth++;
		return true;
	}

	void end() {
		if (this.depth == 0) {
			return;
		}
		if (this.afterName) {
			this.out.append("null");
			this.afterName = false;
		}
		this.depth--;
		this.out.append(this.objects[this.depth] ? '}' : ']');
	}

	/**
	 * Closes what was opened deeper than the given depth, giving a pending member a
	 * marker value.
	 * @param target the depth to return to
	 * @param pendingMarker the value of a member whose name was written but not its value
	 */
	void closeTo(int target, String pendingMarker) {
		if (this.afterName && this.depth > target) {
			forceString(pendingMarker);
		}
		while (this.depth > target) {
			end();
		}
	}

	/**
	 * Writes a member name (after running the redactors on it).
	 * @param name the name
	 * @return whether the value may be written
	 */
	boolean name(String name) {
		if (this.exhausted || this.depth == 0 || !this.objects[this.depth - 1]) {
			return false;
		}
		String redacted = this.redactor.apply((name.length() > 256) ? name.substring(0, 256) : name);
		int length = escapedLength(redacted, redacted.length()) + 3;
		if (room() - length < 2) {
			cut();
			return false;
		}
		if (this.counts[this.depth - 1]++ > 0) {
			this.out.append(',');
		}
		appendQuoted(redacted, redacted.length());
		this.out.append(':');
		this.afterName = true;
		return true;
	}

	/**
	 * Writes a string value, redacted and cut to the room left.
	 * @param value the value
	 */
	void string(String value) {
		if (this.exhausted) {
			return;
		}
		int room = room();
		boolean cutBeforeRedaction = value.length() > Math.max(room, 0) + REDACTION_MARGIN;
		String redacted = this.redactor
			.apply(cutBeforeRedaction ? value.substring(0, Math.max(room, 0) + REDACTION_MARGIN) : value);
		int length = escapedLength(redacted, redacted.length()) + 2;
		if (!cutBeforeRedaction && length <= room) {
			beforeValue();
			appendQuoted(redacted, redacted.length());
			return;
		}
		int textRoom = room - 2 - ContentPolicy.TRUNCATION_MARKER.length();
		int keep = prefixFitting(redacted, textRoom);
		if (keep <= 0) {
			cut();
			return;
		}
		beforeValue();
		this.out.append('"');
		appendEscaped(redacted, keep);
		this.out.append(ContentPolicy.TRUNCATION_MARKER).append('"');
		this.exhausted = true;
	}

	/**
	 * Writes the replacement of a value under a sensitive key.
	 */
	void redacted() {
		literalOrCut(quote(this.replacement));
	}

	/**
	 * Writes a marker string value, such as {@link #CYCLE}.
	 * @param marker the marker
	 */
	void marker(String marker) {
		literalOrCut(quote(marker));
	}

	/**
	 * Writes a number, {@code true}, {@code false} or {@code null}.
	 * @param literal the JSON literal
	 */
	void literal(String literal) {
		literalOrCut(literal);
	}

	/**
	 * Writes a JSON value written by another bounded writer.
	 * @param json the JSON value
	 */
	void json(String json) {
		literalOrCut(json);
	}

	private void literalOrCut(String literal) {
		if (this.exhausted) {
			return;
		}
		if (literal.length() > room()) {
			cut();
			return;
		}
		beforeValue();
		this.out.append(literal);
	}

	private void forceString(String value) {
		beforeValue();
		appendQuoted(value, value.length());
	}

	/**
	 * Writes the marker of what was cut, and drops everything after it.
	 */
	void cut() {
		if (this.exhausted) {
			return;
		}
		this.exhausted = true;
		if (this.depth > 0 && this.objects[this.depth - 1] && !this.afterName) {
			if (this.counts[this.depth - 1]++ > 0) {
				this.out.append(',');
			}
			appendQuoted(ContentPolicy.TRUNCATION_MARKER, ContentPolicy.TRUNCATION_MARKER.length());
			this.out.append(':');
			this.afterName = true;
		}
		forceString(ContentPolicy.TRUNCATION_MARKER);
	}

	/**
	 * Closes everything open and returns the document.
	 * @return the JSON document
	 */
	String finish() {
		closeTo(0, ContentPolicy.TRUNCATION_MARKER);
		if (this.out.isEmpty()) {
			return "null";
		}
		return this.out.toString();
	}

	private int separatorLength() {
		return (this.depth > 0 && !this.afterName && this.counts[this.depth - 1] > 0) ? 1 : 0;
	}

	private void beforeValue() {
		if (this.depth == 0) {
			return;
		}
		if (this.afterName) {
			this.afterName = false;
		}
		else if (this.counts[this.depth - 1]++ > 0) {
			this.out.append(',');
		}
	}

	private static String quote(String value) {
		StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
		appendEscaped(quoted, value, value.length());
		return quoted.append('"').toString();
	}

	private void appendQuoted(String value, int length) {
		this.out.append('"');
		appendEscaped(value, length);
		this.out.append('"');
	}

	private void appendEscaped(String value, int length) {
		appendEscaped(this.out, value, length);
	}

	private static void appendEscaped(StringBuilder out, String value, int length) {
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20 || Character.isSurrogate(c) && !isPaired(value, i, length)) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
	}

	private static boolean isPaired(String value, int i, int length) {
		char c = value.charAt(i);
		if (Character.isHighSurrogate(c)) {
			return i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1));
		}
		return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
	}

	private static int escapedLength(char c) {
		return switch (c) {
			case '"', '\\', '\n', '\r', '\t' -> 2;
			default -> (c < 0x20) ? 6 : 1;
		};
	}

	static int escapedLength(String value, int length) {
		int total = 0;
		for (int i = 0; i < length; i++) {
			total += escapedLength(value.charAt(i));
		}
		return total;
	}

	/**
	 * Returns how many characters of a value fit in the given escaped length, never
	 * splitting a surrogate pair.
	 */
	private static int prefixFitting(String value, int room) {
		int used = 0;
		int keep = 0;
		while (keep < value.length()) {
			int next = escapedLength(value.charAt(keep));
			if (used + next > room) {
				break;
			}
			used += next;
			keep++;
		}
		if (keep > 0 && keep < value.length() && Character.isHighSurrogate(value.charAt(keep - 1))) {
			keep--;
		}
		return keep;
	}

	record Mark(int length, int depth, int count, boolean afterName, boolean exhausted) {
	}

}
