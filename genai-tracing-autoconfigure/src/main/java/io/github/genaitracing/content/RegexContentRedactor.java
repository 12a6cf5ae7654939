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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.genaitracing.spi.ContentRedactor;

/**
 * A {@link ContentRedactor} that replaces the matches of regular expressions.
 *
 * @since 0.1.0
 */
public final class RegexContentRedactor implements ContentRedactor {

	/**
	 * Default replacement text.
	 */
	public static final String DEFAULT_REPLACEMENT = "[REDACTED]";

	private final List<Rule> rules;

	private RegexContentRedactor(List<Rule> rules) {
		this.rules = List.copyOf(rules);
	}

	/**
	 * Creates a redactor with the default rules (bearer tokens, {@code sk-} style API
	 * keys, AWS access key ids, {@code password=}-style pairs), optionally followed by
	 * extra patterns whose whole match is replaced.
	 * @param useDefaults whether to include the default rules
	 * @param patterns extra regular expressions
	 * @param replacement replacement text for matches
	 * @return the redactor
	 */
	public static RegexContentRedactor of(boolean useDefaults, List<String> patterns, String replacement) {
		List<Rule> rules = new ArrayList<>();
		if (useDefaults) {
			String quoted = Matcher.quoteReplacement(replacement);
			rules.add(new Rule(Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9\\-._~+/]+=*"), "$1 " + quoted,
					Hint.ignoringCase("bearer", "basic")));
			rules.add(new Rule(Pattern.compile("\\bsk-[A-Za-z0-9_\\-]{16,}"), quoted, Hint.exact("sk-")));
			rules.add(new Rule(Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), quoted, Hint.exact("AKIA", "ASIA")));
			rules.add(new Rule(Pattern.compile(
					"(?i)\\b(password|passwd|pwd|secret|client[_-]?secret|api[_-]?key|access[_-]?token|auth[_-]?token|token)"
							+ "(\"?\\s*[=:]\\s*\"?)([^\\s,;&\"'}]+)"),
					"$1$2" + quoted, Hint.ignoringCase("passw", "pwd", "secret", "api", "token")));
		}
		for (String pattern : patterns) {
			rules.add(new Rule(Pattern.compile(pattern), Matcher.quoteReplacement(replacement), Hint.NONE));
		}
		return new RegexContentRedactor(rules);
	}

	@Override
	public String redact(String value) {
		String result = value;
		String lowerCase = null;
		for (Rule rule : this.rules) {
			if (rule.hint().ignoreCase() && lowerCase == null) {
				lowerCase = result.toLowerCase(Locale.ROOT);
			}
			if (!rule.hint().mayMatch(result, lowerCase)) {
				continue;
			}
			Matcher matcher = rule.pattern().matcher(result);
			if (matcher.find()) {
				result = matcher.replaceAll(rule.replacement());
				lowerCase = null;
			}
		}
		return result;
	}

	private record Rule(Pattern pattern, String replacement, Hint hint) {
	}

	/**
	 * Literals one of which any match of a rule contains: a text with none of them is not
	 * scanned by the rule's regular expression.
	 */
	private record Hint(List<String> literals, boolean ignoreCase) {

		static final Hint NONE = new Hint(List.of(), false);

		static Hint exact(String... literals) {
			return new Hint(List.of(literals), false);
		}

		static Hint ignoringCase(String... literals) {
			return new Hint(List.of(literals), true);
		}

		boolean mayMatch(String text, String lowerCase) {
			if (this.literals.isEmpty()) {
				return true;
			}
			String haystack = this.ignoreCase ? lowerCase : text;
			for (String literal : this.literals) {
				if (haystack.contains(literal)) {
					return true;
				}
			}
			return false;
		}

	}

}
