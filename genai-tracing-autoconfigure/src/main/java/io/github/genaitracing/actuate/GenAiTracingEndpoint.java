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

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import io.github.genaitracing.a2a.A2aBufferedBytes;
import io.github.genaitracing.aop.TracedMethodRegistry;

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

	private final Supplier<TracedMethodRegistry.Found> methods;

	private final GenAiUsageCounters counters;

	private final ExporterHealth exporter;

	private final RecentGenAiTraces traces;

	private final @Nullable A2aBufferedBytes a2aBufferedBytes;

	private final long a2aRequestCap;

	/**
	 * Creates the endpoint.
	 * @param settings the effective settings to show
	 * @param methods the traced methods, found by the registry
	 * @param counters the counters
	 * @param exporter the exporters' health
	 * @param traces the recent traces
	 */
	public GenAiTracingEndpoint(Map<String, Object> settings, Supplier<TracedMethodRegistry.Found> methods,
			GenAiUsageCounters counters, ExporterHealth exporter, RecentGenAiTraces traces) {
		this(settings, methods, counters, exporter, traces, null, 0);
	}

	/**
	 * Creates the endpoint.
	 * @param settings the effective settings to show
	 * @param methods the traced methods, found by the registry
	 * @param counters the counters
	 * @param exporter the exporters' health
	 * @param traces the recent traces
	 * @param a2aBufferedBytes what the A2A filter holds, or {@code null} when it is off
	 * @param a2aRequestCap the most the A2A filter may hold for one request, in bytes
	 */
	public GenAiTracingEndpoint(Map<String, Object> settings, Supplier<TracedMethodRegistry.Found> methods,
			GenAiUsageCounters counters, ExporterHealth exporter, RecentGenAiTraces traces,
			@Nullable A2aBufferedBytes a2aBufferedBytes, long a2aRequestCap) {
		this.a2aBufferedBytes = a2aBufferedBytes;
		this.a2aRequestCap = a2aRequestCap;
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
		return new Overview(this.settings, this.methods.get(),
				new Counters(this.counters.agents(), this.counters.models()), this.exporter.state(),
				a2aBuffers(), this.traces.capacity(), this.traces.usage(), this.traces.summaries());
	}

	private @Nullable A2aBuffers a2aBuffers() {
		A2aBufferedBytes bytes = this.a2aBufferedBytes;
		return (bytes != null) ? new A2aBuffers(bytes.inFlight(), bytes.peakInFlight(), bytes.largestRequest(),
				this.a2aRequestCap) : null;
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
	 * @param methods the traced methods, found by the registry
	 * @param counters the counters per agent and model
	 * @param exporter the exporters' health
	 * @param a2aBuffers what the A2A filter holds, or {@code null} when it is off
	 * @param recentTracesCapacity the most traces kept
	 * @param recentTraces what the recent-trace ring holds, in traces, spans and bytes
	 * @param traces the kept traces, newest first
	 */
	public record Overview(Map<String, Object> settings, TracedMethodRegistry.Found methods, Counters counters,
			ExporterHealth.State exporter, @Nullable A2aBuffers a2aBuffers, int recentTracesCapacity,
			RecentGenAiTraces.Usage recentTraces, List<RecentGenAiTraces.TraceSummary> traces) {
	}

	/**
	 * The bytes the A2A filter holds: request bodies kept for replay, response copies and
	 * streamed events.
	 *
	 * @param inFlightBytes held now
	 * @param peakInFlightBytes the most held at once
	 * @param largestRequestBytes the most held for one request
	 * @param requestCapBytes the most one request may make it hold
	 */
	public record A2aBuffers(long inFlightBytes, long peakInFlightBytes, long largestRequestBytes,
			long requestCapBytes) {
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
