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

import org.jspecify.annotations.Nullable;

/**
 * Bounds the values a client controls before they become span attributes or span names:
 * header values and inbound baggage are cut and checked, unknown method names are cut.
 */
final class A2aValues {

	/** The longest header or baggage value recorded. */
	static final int MAX_VALUE_LENGTH = 256;

	/** The longest unknown method name recorded. */
	static final int MAX_METHOD_LENGTH = 64;

	private A2aValues() {
	}

	/**
	 * Returns a client-controlled value fit to be an attribute: trimmed, at most
	 * {@value #MAX_VALUE_LENGTH} characters, and printable; {@code null} when it is
	 * empty or holds a control character.
	 * @param value the value as received
	 * @return the value to record, or {@code null}
	 */
	static @Nullable String checked(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		if (trimmed.isEmpty()) {
			return null;
		}
		String cut = cut(trimmed, MAX_VALUE_LENGTH);
		for (int i = 0; i < cut.length(); i++) {
			char c = cut.charAt(i);
			if (Character.isISOControl(c) || (Character.isSurrogate(c) && !pairedSurrogate(cut, i))) {
				return null;
			}
		}
		return cut;
	}

	/**
	 * Cuts a value to at most {@code max} characters, never between the two halves of a
	 * surrogate pair.
	 * @param value the value
	 * @param max the most characters kept
	 * @return the value, cut
	 */
	static String cut(String value, int max) {
		if (value.length() <= max) {
			return value;
		}
		int end = max;
		if (Character.isHighSurrogate(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(0, end);
	}

	private static boolean pairedSurrogate(String value, int index) {
		char c = value.charAt(index);
		if (Character.isHighSurrogate(c)) {
			return index + 1 < value.length() && Character.isLowSurrogate(value.charAt(index + 1));
		}
		return index > 0 && Character.isHighSurrogate(value.charAt(index - 1));
	}

}
