package io.github.genaitracing.spi;

/**
 * Rewrites a content value before it is recorded, to remove secrets or personal data.
 * Declare a bean of this type to add a redactor; every redactor runs on every captured
 * text value, in order, before truncation.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ContentRedactor {

	/**
	 * Redacts a value.
	 * @param value the text about to be recorded
	 * @return the text to record instead
	 */
	String redact(String value);

}
