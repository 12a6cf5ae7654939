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
