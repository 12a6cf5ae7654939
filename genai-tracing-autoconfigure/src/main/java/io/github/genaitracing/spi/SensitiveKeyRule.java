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

package io.github.genaitracing.spi;

/**
 * Decides whether a key of a structured value (a map key, a property of a record or bean,
 * a JSON object member) names a secret. Declare a bean of this type to add rules to the
 * built-in key list and {@code genai.tracing.content.redact.keys}; the value under a
 * sensitive key is replaced, whatever its type, and the key is kept.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SensitiveKeyRule {

	/**
	 * Returns whether the value under a key must not be recorded.
	 * @param key the key, as written
	 * @return whether the key names a secret
	 */
	boolean isSensitive(String key);

}
