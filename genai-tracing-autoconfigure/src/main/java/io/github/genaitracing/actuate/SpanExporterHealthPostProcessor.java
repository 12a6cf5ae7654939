package io.github.genaitracing.actuate;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps every {@link SpanExporter} bean so that {@link ExporterHealth} learns how each
 * export ended.
 *
 * @since 0.1.0
 */
public final class SpanExporterHealthPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<ExporterHealth> health;

	/**
	 * Creates the post-processor.
	 * @param health the health to record into, resolved when the first exporter is created
	 */
	public SpanExporterHealthPostProcessor(ObjectProvider<ExporterHealth> health) {
		this.health = health;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof SpanExporter exporter && !(bean instanceof HealthRecordingSpanExporter)) {
			return new HealthRecordingSpanExporter(exporter, this.health.getObject());
		}
		return bean;
	}

}
