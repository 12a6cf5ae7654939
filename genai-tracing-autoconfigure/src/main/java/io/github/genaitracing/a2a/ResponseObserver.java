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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Reads an A2A response as it passes: keeps a bounded copy of a plain JSON-RPC response,
 * and reads a server-sent event stream event by event with bounded memory.
 */
final class ResponseObserver {

	private static final int MAX_PENDING_EVENTS = 16;

	private static final int MAX_ARTIFACTS = 64;

	private final int maxBytes;

	private final int maxTextLength;

	private final long startNanos;

	private final Bytes buffer = new Bytes();

	private boolean overflow;

	private @Nullable Boolean streaming;

	private long events;

	private boolean previousNewline;

	private long firstEventNanos = -1;

	private @Nullable A2aResult last;

	/**
	 * What a plain response said, read from its first write without a copy when that write
	 * held the task's ids and state (without content capture), or {@code null}.
	 */
	private @Nullable A2aResult readInPassing;

	/**
	 * The text of each streamed artifact, by artifact id, in the order first seen; a chunk
	 * with {@code append} adds to its artifact, any other replaces it (so a final task
	 * repeating its artifacts records their text once).
	 */
	private @Nullable LinkedHashMap<String, StringBuilder> artifacts;

	private int artifactChars;

	private @Nullable StringBuilder messageText;

	private @Nullable String statusText;

	/**
	 * The data of events seen but not read yet (UTF-8): they are read after the bytes are
	 * flushed to the client, so that reading them never delays an event.
	 */
	private @Nullable ArrayDeque<byte[]> pending;

	private int pendingBytes;

	private @Nullable A2aBufferedBytes accounting;

	private long accounted;

	private long peak;

	ResponseObserver(int maxBytes, int maxTextLength, long startNanos) {
		this(maxBytes, maxTextLength, startNanos, null);
	}

	ResponseObserver(int maxBytes, int maxTextLength, long startNanos, @Nullable A2aBufferedBytes accounting) {
		this.maxBytes = maxBytes;
		this.maxTextLength = maxTextLength;
		this.startNanos = startNanos;
		this.accounting = accounting;
	}

	/**
	 * Tells the accounting what is held now: the response copy or the event being read,
	 * and the events waiting to be read.
	 */
	private void account() {
		long held = (long) this.buffer.size() + this.pendingBytes;
		if (held > this.peak) {
			this.peak = held;
		}
		if (this.accounting != null && held != this.accounted) {
			this.accounting.add(held - this.accounted);
			this.accounted = held;
		}
	}

	/**
	 * Stops accounting: what is held is no longer counted in flight.
	 * @return the most this observer held
	 */
	synchronized long release() {
		if (this.accounting != null) {
			this.accounting.add(-this.accounted);
			this.accounted = 0;
			this.accounting = null;
		}
		return this.peak;
	}

	/**
	 * Shows the observer bytes of the response.
	 * @param contentType the response's content type when these are its first bytes (it
	 * decides whether the response is an event stream); ignored afterwards, may be
	 * {@code null} then
	 * @param bytes the bytes
	 * @param offset where they start
	 * @param length how many
	 */
	synchronized void onBytes(@Nullable String contentType, byte[] bytes, int offset, int length) {
		if (this.streaming == null) {
			this.streaming = contentType != null && contentType.startsWith("text/event-stream");
		}
		if (!this.streaming) {
			if (this.readInPassing != null) {
				// what the response says is known: the rest is neither copied nor read
				return;
			}
			if (this.buffer.size() == 0 && this.maxTextLength == 0) {
				// a response's first write often holds the task's ids and state: read in place
				this.readInPassing = A2aResult.readIfTaskKnown(bytes, offset, Math.min(length, this.maxBytes));
				if (this.readInPassing != null) {
					return;
				}
			}
			append(bytes, offset, length);
			account();
			return;
		}
		for (int i = offset; i < offset + length; i++) {
			byte b = bytes[i];
			if (b == '\r') {
				continue;
			}
			appendByte(b);
			if (b == '\n' && this.previousNewline) {
				event();
			}
			this.previousNewline = (b == '\n');
		}
		account();
	}

	private void append(byte[] bytes, int offset, int length) {
		int room = this.maxBytes - this.buffer.size();
		if (room <= 0 || length > room) {
			this.overflow = true;
		}
		if (room > 0) {
			this.buffer.write(bytes, offset, Math.min(room, length));
		}
	}

	private void appendByte(byte b) {
		if (this.buffer.size() < this.maxBytes) {
			this.buffer.write(b);
		}
		else {
			this.overflow = true;
		}
	}

	private void event() {
		if (!this.overflow) {
			byte[] data = eventData(this.buffer.array(), this.buffer.size());
			if (data != null) {
				this.events++;
				if (this.firstEventNanos < 0) {
					this.firstEventNanos = System.nanoTime();
				}
				if (this.pending == null) {
					this.pending = new ArrayDeque<>();
				}
				if (this.pending.size() >= MAX_PENDING_EVENTS || this.pendingBytes + data.length > this.maxBytes) {
					drain();
				}
				this.pending.add(data);
				this.pendingBytes += data.length;
				account();
			}
		}
		this.buffer.reset();
		this.overflow = false;
		this.previousNewline = false;
	}

	/**
	 * Returns the data of an event (its lines without {@code \r}): the values of its
	 * {@code data:} lines, without the one space after the colon, joined by {@code \n}; or
	 * {@code null} when it has none.
	 */
	static byte @Nullable [] eventData(byte[] event, int length) {
		int size = 0;
		int lines = 0;
		for (int start = 0; start < length;) {
			int end = lineEnd(event, start, length);
			int value = dataValue(event, start, end);
			if (value >= 0) {
				size += end - value;
				lines++;
			}
			start = end + 1;
		}
		if (lines == 0) {
			return null;
		}
		byte[] data = new byte[size + lines - 1];
		int at = 0;
		for (int start = 0; start < length;) {
			int end = lineEnd(event, start, length);
			int value = dataValue(event, start, end);
			if (value >= 0) {
				if (at > 0) {
					data[at++] = '\n';
				}
				System.arraycopy(event, value, data, at, end - value);
				at += end - value;
			}
			start = end + 1;
		}
		return data;
	}

	private static int lineEnd(byte[] bytes, int from, int length) {
		int end = from;
		while (end < length && bytes[end] != '\n') {
			end++;
		}
		return end;
	}

	/**
	 * Where the value of a {@code data:} line starts, or -1 for any other line.
	 */
	private static int dataValue(byte[] bytes, int start, int end) {
		if (end - start < 5 || bytes[start] != 'd' || bytes[start + 1] != 'a' || bytes[start + 2] != 't'
				|| bytes[start + 3] != 'a' || bytes[start + 4] != ':') {
			return -1;
		}
		return (end - start > 5 && bytes[start + 5] == ' ') ? start + 6 : start + 5;
	}

	/**
	 * Reads the events seen since the last call; called after each flush to the client.
	 */
	synchronized void drain() {
		byte[] json;
		while (this.pending != null && (json = this.pending.poll()) != null) {
			this.pendingBytes -= json.length;
			A2aResult result = A2aResult.read(json, json.length, this.maxTextLength);
			if (result != null) {
				merge(result);
			}
		}
		account();
	}

	private void merge(A2aResult result) {
		if (!result.artifacts().isEmpty() && this.artifacts == null) {
			this.artifacts = new LinkedHashMap<>();
		}
		for (A2aResult.ArtifactText artifact : result.artifacts()) {
			String id = (artifact.artifactId() != null) ? artifact.artifactId() : "";
			StringBuilder text = this.artifacts.get(id);
			if (text == null) {
				if (this.artifacts.size() >= MAX_ARTIFACTS) {
					continue;
				}
				text = new StringBuilder();
				this.artifacts.put(id, text);
			}
			else if (!artifact.append()) {
				this.artifactChars -= text.length();
				text.setLength(0);
			}
			int room = this.maxTextLength - this.artifactChars;
			if (room > 0) {
				String chunk = artifact.text();
				int kept = Math.min(chunk.length(), room);
				text.append(chunk, 0, kept);
				this.artifactChars += kept;
			}
		}
		if (result.messageText() != null) {
			if (this.messageText == null) {
				this.messageText = new StringBuilder();
			}
			int room = this.maxTextLength - this.messageText.length();
			if (room > 0) {
				this.messageText.append(result.messageText(), 0, Math.min(result.messageText().length(), room));
			}
		}
		if (result.statusText() != null) {
			// the last status message is the answer (a final task repeats it: recorded once)
			this.statusText = result.statusText();
		}
		A2aResult previous = this.last;
		this.last = new A2aResult(first(result.taskId(), (previous != null) ? previous.taskId() : null),
				first(result.contextId(), (previous != null) ? previous.contextId() : null),
				first(result.taskState(), (previous != null) ? previous.taskState() : null), List.of(), null, null,
				first(result.errorCode(), (previous != null) ? previous.errorCode() : null),
				first(result.errorMessage(), (previous != null) ? previous.errorMessage() : null));
	}

	private static @Nullable String first(@Nullable String a, @Nullable String b) {
		return (a != null) ? a : b;
	}

	synchronized boolean isStreaming() {
		return Boolean.TRUE.equals(this.streaming);
	}

	synchronized long events() {
		return this.events;
	}

	synchronized @Nullable Double secondsToFirstEvent() {
		return (this.firstEventNanos < 0) ? null : (this.firstEventNanos - this.startNanos) / 1e9;
	}

	/**
	 * Returns what the response said: the last streamed state with all streamed text, or
	 * the plain response read from its bounded copy.
	 */
	synchronized @Nullable A2aResult result() {
		if (isStreaming()) {
			drain();
			A2aResult last = this.last;
			if (last == null) {
				return null;
			}
			List<String> texts = new ArrayList<>((this.artifacts != null) ? this.artifacts.size() : 0);
			if (this.artifacts != null) {
				this.artifacts.values().forEach((text) -> texts.add(text.toString()));
			}
			String output = A2aResult.outputText(texts, (this.messageText != null) ? this.messageText.toString() : null,
					this.statusText, this.maxTextLength);
			// the streamed answer, composed once, as the result's message text
			return new A2aResult(last.taskId(), last.contextId(), last.taskState(), List.of(), output, null,
					last.errorCode(), last.errorMessage());
		}
		if (this.readInPassing != null) {
			return this.readInPassing;
		}
		// read in place, under the lock that every write takes
		return A2aResult.read(this.buffer.array(), this.buffer.size(), this.maxTextLength);
	}

	/**
	 * A growing byte buffer whose bytes are read in place, without a lock of its own (the
	 * observer's guards it): a streamed response is copied into it byte by byte.
	 */
	private static final class Bytes {

		private static final byte[] NONE = new byte[0];

		/** Allocated at the first write, sized to it: a plain response is often one write. */
		private byte[] bytes = NONE;

		private int size;

		void write(byte b) {
			if (this.size == this.bytes.length) {
				grow(this.size + 1);
			}
			this.bytes[this.size++] = b;
		}

		void write(byte[] source, int offset, int length) {
			if (this.size + length > this.bytes.length) {
				grow(this.size + length);
			}
			System.arraycopy(source, offset, this.bytes, this.size, length);
			this.size += length;
		}

		private void grow(int needed) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(needed, Math.max(64, this.bytes.length * 2)));
		}

		int size() {
			return this.size;
		}

		void reset() {
			this.size = 0;
		}

		byte[] array() {
			return this.bytes;
		}

	}

}
