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
