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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.genaitracing.spi.SensitiveKeyRule;

/**
 * The keys under which values are never recorded. A key is compared normalised: lower
 * case, without {@code _}, {@code -}, {@code .} or spaces, so that {@code apiKey},
 * {@code api_key}, {@code API-Key} and {@code x-api-key} are alike. Built in: a key
 * containing {@code password}, {@code passwd}, {@code passphrase}, {@code secret},
 * {@code credential}, {@code privatekey}, {@code apikey}, {@code authorization},
 * {@code cookie} or {@code accesskey}, and a key that is or ends with {@code token},
 * {@code session}, {@code sessionid}, {@code pwd}, {@code auth}, {@code jwt},
 * {@code otp} or {@code cvv} ({@code github_token}, {@code sessionToken}; not
 * {@code max_tokens}).
 *
 * @since 0.1.0
 */
public final class SensitiveKeys implements SensitiveKeyRule {

	private static final List<String> DEFAULT_CONTAINED = List.of("password", "passwd", "passphrase", "secret",
			"credential", "privatekey", "apikey", "authorization", "cookie", "accesskey");

	private static final List<String> DEFAULT_SUFFIXES = List.of("token", "session", "sessionid", "pwd", "auth",
			"jwt", "otp", "cvv");

	private static final SensitiveKeys DEFAULTS = new SensitiveKeys(true, List.of(), List.of());

	private static final SensitiveKeys NONE = new SensitiveKeys(false, List.of(), List.of());

	private final List<String> contained;

	private final List<String> suffixes;

	private final List<SensitiveKeyRule> rules;

	private SensitiveKeys(boolean defaults, List<String> extraKeys, List<SensitiveKeyRule> rules) {
		this.contained = defaults ? DEFAULT_CONTAINED : List.of();
		List<String> suffixes = new ArrayList<>(defaults ? DEFAULT_SUFFIXES : List.of());
		for (String key : extraKeys) {
			String normalized = normalize(key);
			if (!normalized.isEmpty()) {
				suffixes.add(normalized);
			}
		}
		this.suffixes = List.copyOf(suffixes);
		this.rules = List.copyOf(rules);
	}

	/**
	 * Returns the built-in keys.
	 * @return the default sensitive keys
	 */
	public static SensitiveKeys defaults() {
		return DEFAULTS;
	}

	/**
	 * Returns an instance that finds no key sensitive.
	 * @return no sensitive keys
	 */
	public static SensitiveKeys none() {
		return NONE;
	}

	/**
	 * Creates the sensitive keys.
	 * @param defaults whether to include the built-in keys
	 * @param extraKeys more keys: a key equal to one of them or ending with one of them,
	 * once normalised, is sensitive
	 * @param rules more rules
	 * @return the sensitive keys
	 */
	public static SensitiveKeys of(boolean defaults, List<String> extraKeys, List<SensitiveKeyRule> rules) {
		return new SensitiveKeys(defaults, extraKeys, rules);
	}

	@Override
	public boolean isSensitive(String key) {
		if (!this.contained.isEmpty() || !this.suffixes.isEmpty()) {
			String normalized = normalize(key);
			for (String word : this.contained) {
				if (normalized.contains(word)) {
					return true;
				}
			}
			for (String suffix : this.suffixes) {
				if (normalized.endsWith(suffix)) {
					return true;
				}
			}
		}
		for (SensitiveKeyRule rule : this.rules) {
			if (rule.isSensitive(key)) {
				return true;
			}
		}
		return false;
	}

	static String normalize(String key) {
		StringBuilder normalized = new StringBuilder(Math.min(key.length(), 64));
		int end = Math.min(key.length(), 256);
		for (int i = 0; i < end; i++) {
			char c = key.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				normalized.append(Character.toLowerCase(c));
			}
		}
		return normalized.toString().toLowerCase(Locale.ROOT);
	}

}
