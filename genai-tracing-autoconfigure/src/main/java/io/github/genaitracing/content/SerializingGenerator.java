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

import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.Base64Variant;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.TreeNode;
import tools.jackson.core.util.JsonGeneratorDelegate;
import tools.jackson.databind.JsonNode;

/**
 * The generator Jackson writes a record or bean to: every token goes to the
 * {@link ContentSerializer}'s bounded writer, never to the discarding generator it wraps.
 * A value under a sensitive name is skipped; the serialization is stopped (by
 * {@link Stop}) as soon as the writer is full, on a cycle, past the depth limit, or after
 * {@link #MAX_SKIPPED} skipped tokens.
 */
final class SerializingGenerator extends JsonGeneratorDelegate {

	/** Tokens of redacted values Jackson may still write before it is stopped. */
	static final int MAX_SKIPPED = 10_000;

	private final ContentSerializer serializer;

	private final BoundedJsonWriter writer;

	private final Deque<Object> values = new ArrayDeque<>();

	private int skipDepth;

	private boolean skipNext;

	private int skipped;

	private boolean stopped;

	private boolean first = true;

	private boolean stopRequested;

	SerializingGenerator(ContentSerializer serializer) {
		super(discarding(serializer), false);
		this.serializer = serializer;
		this.writer = serializer.writer();
	}

	private static JsonGenerator discarding(ContentSerializer serializer) {
		return tools.jackson.databind.json.JsonMapper.shared().createGenerator(Writer.nullWriter());
	}

	/**
	 * Returns whether this generator stopped the serialization (Jackson may have wrapped
	 * the {@link Stop} thrown).
	 */
	boolean requestedStop() {
		return this.stopRequested;
	}

	private Stop stop() {
		this.stopRequested = true;
		return new Stop();
	}

	void stopped() {
		if (!this.stopped) {
			this.stopped = true;
			for (Object value : this.values) {
				if (value != this) {
					this.serializer.leaveBean(value);
				}
			}
			this.values.clear();
		}
	}

	private boolean skipScalar() {
		checkStopped();
		if (this.skipNext) {
			this.skipNext = false;
			countSkipped();
			return true;
		}
		if (this.skipDepth > 0) {
			countSkipped();
			return true;
		}
		return false;
	}

	private void countSkipped() {
		if (++this.skipped > MAX_SKIPPED) {
			throw stop();
		}
	}

	private void checkStopped() {
		if (this.stopped || this.writer.isExhausted()) {
			throw stop();
		}
	}

	private JsonGenerator start(boolean object, @Nullable Object value) {
		checkStopped();
		if (this.skipNext || this.skipDepth > 0) {
			this.skipNext = false;
			this.skipDepth++;
			countSkipped();
			return this;
		}
		boolean root = this.first;
		this.first = false;
		if (value != null && !root && !(value instanceof java.util.Collection<?>)) {
			if (!this.serializer.enterBean(value)) {
				this.writer.marker(BoundedJsonWriter.CYCLE);
				throw stop();
			}
		}
		boolean started = object ? this.writer.startObject() : this.writer.startArray();
		if (!started) {
			if (value != null && !root) {
				this.serializer.leaveBean(value);
			}
			throw stop();
		}
		this.values.push((value != null && !root && !(value instanceof java.util.Collection<?>)) ? value : this);
		return this;
	}

	private JsonGenerator end() {
		checkStopped();
		if (this.skipDepth > 0) {
			this.skipDepth--;
			return this;
		}
		Object value = this.values.poll();
		if (value != null && value != this) {
			this.serializer.leaveBean(value);
		}
		this.writer.end();
		return this;
	}

	private JsonGenerator name(String name) {
		checkStopped();
		if (this.skipDepth > 0) {
			countSkipped();
			return this;
		}
		if (this.serializer.isSensitive(name)) {
			if (this.writer.name(name)) {
				this.writer.redacted();
			}
			this.skipNext = true;
		}
		else if (!this.writer.name(name)) {
			throw stop();
		}
		return this;
	}

	private JsonGenerator string(String value) {
		if (!skipScalar()) {
			this.serializer.string(value);
		}
		return this;
	}

	private JsonGenerator literal(String value) {
		if (!skipScalar()) {
			this.writer.literal(value);
		}
		return this;
	}

	@Override
	public JsonGenerator writeStartArray() {
		return start(false, null);
	}

	@Override
	public JsonGenerator writeStartArray(@Nullable Object forValue) {
		return start(false, forValue);
	}

	@Override
	public JsonGenerator writeStartArray(@Nullable Object forValue, int size) {
		return start(false, forValue);
	}

	@Override
	public JsonGenerator writeEndArray() {
		return end();
	}

	@Override
	public JsonGenerator writeStartObject() {
		return start(true, null);
	}

	@Override
	public JsonGenerator writeStartObject(@Nullable Object forValue) {
		return start(true, forValue);
	}

	@Override
	public JsonGenerator writeStartObject(@Nullable Object forValue, int size) {
		return start(true, forValue);
	}

	@Override
	public JsonGenerator writeEndObject() {
		return end();
	}

	@Override
	public JsonGenerator writeName(String name) {
		return name(name);
	}

	@Override
	public JsonGenerator writeName(SerializableString name) {
		return name(name.getValue());
	}

	@Override
	public JsonGenerator writePropertyId(long id) {
		return name(Long.toString(id));
	}

	@Override
	public JsonGenerator writeArray(int[] array, int offset, int length) {
		start(false, null);
		for (int i = offset; i < offset + length; i++) {
			writeNumber(array[i]);
		}
		return end();
	}

	@Override
	public JsonGenerator writeArray(long[] array, int offset, int length) {
		start(false, null);
		for (int i = offset; i < offset + length; i++) {
			writeNumber(array[i]);
		}
		return end();
	}

	@Override
	public JsonGenerator writeArray(double[] array, int offset, int length) {
		start(false, null);
		for (int i = offset; i < offset + length; i++) {
			writeNumber(array[i]);
		}
		return end();
	}

	@Override
	public JsonGenerator writeArray(String[] array, int offset, int length) {
		start(false, null);
		for (int i = offset; i < offset + length; i++) {
			writeString(array[i]);
		}
		return end();
	}

	@Override
	public JsonGenerator writeString(@Nullable String text) {
		return (text != null) ? string(text) : writeNull();
	}

	@Override
	public JsonGenerator writeString(Reader reader, int length) {
		return string("…[stream]");
	}

	@Override
	public JsonGenerator writeString(char[] text, int offset, int length) {
		return string(new String(text, offset, length));
	}

	@Override
	public JsonGenerator writeString(SerializableString text) {
		return string(text.getValue());
	}

	@Override
	public JsonGenerator writeRawUTF8String(byte[] text, int offset, int length) {
		return string(new String(text, offset, length, StandardCharsets.UTF_8));
	}

	@Override
	public JsonGenerator writeUTF8String(byte[] text, int offset, int length) {
		return string(new String(text, offset, length, StandardCharsets.UTF_8));
	}

	@Override
	public JsonGenerator writeRaw(String text) {
		return this;
	}

	@Override
	public JsonGenerator writeRaw(String text, int offset, int length) {
		return this;
	}

	@Override
	public JsonGenerator writeRaw(SerializableString raw) {
		return this;
	}

	@Override
	public JsonGenerator writeRaw(char[] text, int offset, int length) {
		return this;
	}

	@Override
	public JsonGenerator writeRaw(char c) {
		return this;
	}

	@Override
	public JsonGenerator writeRawValue(String text) {
		return string(text);
	}

	@Override
	public JsonGenerator writeRawValue(String text, int offset, int length) {
		return string(text.substring(offset, offset + length));
	}

	@Override
	public JsonGenerator writeRawValue(char[] text, int offset, int length) {
		return string(new String(text, offset, length));
	}

	@Override
	public JsonGenerator writeBinary(Base64Variant variant, byte[] data, int offset, int length) {
		if (!skipScalar()) {
			this.writer.marker("…[" + length + " bytes]");
		}
		return this;
	}

	@Override
	public int writeBinary(Base64Variant variant, InputStream data, int dataLength) {
		if (!skipScalar()) {
			this.writer.marker("…[bytes]");
		}
		return 0;
	}

	@Override
	public JsonGenerator writeNumber(short v) {
		return literal(Short.toString(v));
	}

	@Override
	public JsonGenerator writeNumber(int v) {
		return literal(Integer.toString(v));
	}

	@Override
	public JsonGenerator writeNumber(long v) {
		return literal(Long.toString(v));
	}

	@Override
	public JsonGenerator writeNumber(BigInteger v) {
		return literal(v.toString());
	}

	@Override
	public JsonGenerator writeNumber(double v) {
		return Double.isFinite(v) ? literal(Double.toString(v)) : string(Double.toString(v));
	}

	@Override
	public JsonGenerator writeNumber(float v) {
		return Float.isFinite(v) ? literal(Float.toString(v)) : string(Float.toString(v));
	}

	@Override
	public JsonGenerator writeNumber(BigDecimal v) {
		return literal(v.toString());
	}

	@Override
	public JsonGenerator writeNumber(String encodedValue) {
		return string(encodedValue);
	}

	@Override
	public JsonGenerator writeNumber(char[] encodedValue, int offset, int length) {
		return string(new String(encodedValue, offset, length));
	}

	@Override
	public JsonGenerator writeBoolean(boolean state) {
		return literal(Boolean.toString(state));
	}

	@Override
	public JsonGenerator writeNull() {
		return literal("null");
	}

	@Override
	public JsonGenerator writeOmittedProperty(String propertyName) {
		return this;
	}

	@Override
	public JsonGenerator writeObjectId(Object id) {
		return string(String.valueOf(id));
	}

	@Override
	public JsonGenerator writeObjectRef(Object id) {
		return string(String.valueOf(id));
	}

	@Override
	public JsonGenerator writeTypeId(Object id) {
		return string(String.valueOf(id));
	}

	@Override
	public JsonGenerator writeEmbeddedObject(@Nullable Object object) {
		if (!skipScalar()) {
			this.writer.marker("…[embedded]");
		}
		return this;
	}

	@Override
	public JsonGenerator writePOJO(@Nullable Object pojo) {
		if (!skipScalar()) {
			this.serializer.value(pojo);
		}
		return this;
	}

	@Override
	public JsonGenerator writeTree(@Nullable TreeNode tree) {
		if (!skipScalar()) {
			if (tree instanceof JsonNode node) {
				this.serializer.node(node);
			}
			else {
				this.writer.literal("null");
			}
		}
		return this;
	}

	/**
	 * Stops Jackson: what was written stays, the rest of the value is not read.
	 */
	static final class Stop extends RuntimeException {

		Stop() {
			super(null, null, false, false);
		}

	}

}
