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

package io.github.genaitracing.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Gives the GenAI (and MCP) meters the base units Prometheus names expect, for a Prometheus
 * registry only: OpenTelemetry's UCUM {@code s} becomes {@code seconds} and annotation
 * units such as {@code {token}} are dropped, as OpenTelemetry's own Prometheus
 * translation does. A scrape then shows {@code gen_ai_client_operation_duration_seconds}
 * and {@code gen_ai_client_token_usage}, while OTLP keeps the conventions' units.
 *
 * @since 0.1.0
 */
public final class GenAiPrometheusUnits implements MeterFilter {

	private static final String PREFIX = "gen_ai.";

	private static final String MCP_PREFIX = "mcp.";

	@Override
	public Meter.Id map(Meter.Id id) {
		String unit = id.getBaseUnit();
		if (unit == null || !(id.getName().startsWith(PREFIX) || id.getName().startsWith(MCP_PREFIX))) {
			return id;
		}
		if (GenAiClientMetrics.SECONDS.equals(unit)) {
			return id.withBaseUnit("seconds");
		}
		if (unit.startsWith("{") && unit.endsWith("}")) {
			return id.withBaseUnit(null);
		}
		return id;
	}

}
