package io.github.genaitracing.semconv;

import io.opentelemetry.api.common.AttributeKey;

/**
 * Resource attribute keys of the OpenTelemetry conventions that genai-tracing reads.
 *
 * @since 0.1.0
 */
public final class ResourceAttributes {

	/** The logical name of the service, such as Boot's {@code spring.application.name}. */
	public static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

	private ResourceAttributes() {
	}

}
