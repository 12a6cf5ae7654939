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

package io.github.genaitracing.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;

import io.github.genaitracing.export.AttributesOnceSpanExporter;

/**
 * Makes every exporter of Spring Boot's batch span processor read a span's attributes
 * once ({@link AttributesOnceSpanExporter}).
 */
class AttributesOnceExportPostProcessor implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof SpanExporters exporters)) {
			return bean;
		}
		List<SpanExporter> wrapped = new ArrayList<>();
		for (SpanExporter exporter : exporters) {
			wrapped.add((exporter instanceof AttributesOnceSpanExporter) ? exporter
					: new AttributesOnceSpanExporter(exporter));
		}
		return SpanExporters.of(wrapped);
	}

}
