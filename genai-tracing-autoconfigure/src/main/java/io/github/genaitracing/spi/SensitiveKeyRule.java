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
