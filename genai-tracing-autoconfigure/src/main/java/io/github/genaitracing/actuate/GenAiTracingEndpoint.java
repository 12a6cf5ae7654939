package io.github.genaitracing.actuate;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code genaitracing} actuator endpoint: the effective settings (never secrets), the
 * traced methods, counters per agent and model, the exporters' health and the recent
 * GenAI traces; {@code /actuator/genaitracing/{traceId}} returns one trace as a tree of
 * GenAI spans, or 404 when it is not (or no longer) kept. Span content appears only when
 * content capture is on, because only then is it on the spans.
 *
 * @since 0.1.0
 */
@Endpoint(id = GenAiTracingEndpoint.ID)
public class GenAiTracingEndpoint {

	/** The endpoint id. */
	public static final String ID = "genaitracing";

	private final Map<String, Object> settings;

	private final TracedMethods methods;

	private final GenAiUsageCounters counters;

	private final ExporterHealth exporter;

	private final RecentGenAiTraces traces;

	/**
	 * Creates the endpoint.
	 * @param settings the effective settings to show
	 * @param methods the traced methods
	 * @param counters the counters
	 * @param exporter the exporters' health
	 * @param traces the recent traces
	 */
	public GenAiTracingEndpoint(Map<String, Object> settings, TracedMethods methods, GenAiUsageCounters counters,
			ExporterHealth exporter, RecentGenAiTraces traces) {
		this.settings = settings;
		this.methods = methods;
		this.counters = counters;
		this.exporter = exporter;
		this.traces = traces;
	}

	/**
	 * Returns the overview.
	 * @return the overview
	 */
	@ReadOperation
	public Overview overview() {
		return new Overview(this.settings, this.methods.find(),
				new Counters(this.counters.agents(), this.counters.models()), this.exporter.state(),
				this.traces.capacity(), this.traces.summaries());
	}

	/**
	 * Returns one kept trace.
	 * @param traceId the trace id
	 * @return the trace, or {@code null} (404) when it is not kept
	 */
	@ReadOperation
	public RecentGenAiTraces.@Nullable Trace trace(@Selector String traceId) {
		return this.traces.trace(traceId);
	}

	/**
	 * The endpoint's overview.
	 *
	 * @param settings the effective settings
	 * @param methods the traced methods
	 * @param counters the counters per agent and model
	 * @param exporter the exporters' health
	 * @param recentTracesCapacity the most traces kept
	 * @param traces the kept traces, newest first
	 */
	public record Overview(Map<String, Object> settings, TracedMethods.Found methods, Counters counters,
			ExporterHealth.State exporter, int recentTracesCapacity, List<RecentGenAiTraces.TraceSummary> traces) {
	}

	/**
	 * Counters per agent and per model.
	 *
	 * @param agents by agent name
	 * @param models by model name
	 */
	public record Counters(Map<String, GenAiUsageCounters.Counts> agents,
			Map<String, GenAiUsageCounters.Counts> models) {
	}

}
