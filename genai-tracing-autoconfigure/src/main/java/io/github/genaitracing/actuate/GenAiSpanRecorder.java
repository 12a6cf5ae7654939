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

import java.util.Map;
import java.util.TreeMap;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.semconv.ResourceAttributes;
import io.github.genaitracing.spi.AgentInvocation;
import io.github.genaitracing.spi.GenAiOperation;
import io.github.genaitracing.spi.GenAiResponse;
import io.github.genaitracing.spi.McpRequest;
import io.github.genaitracing.spi.ModelCall;
import io.github.genaitracing.spi.OperationListener;
import io.github.genaitracing.spi.OperationRun;
import io.github.genaitracing.spi.RunTotals;
import io.github.genaitracing.spi.TokenUsage;

/**
 * Feeds the actuator endpoint. As a listener of the span lifecycle, it puts every ended
 * GenAI span (and MCP request acting on a tool, prompt or resource) into the
 * {@link RecentGenAiTraces recent-trace ring} and counts it in the
 * {@link GenAiUsageCounters counters}, whichever vocabularies are enabled; as a span
 * processor, it remembers the other spans of kept traces (HTTP server spans, the A2A
 * server span) as parent links. It only reads ended spans and keeps bounded state.
 *
 * @since 0.1.0
 */
public final class GenAiSpanRecorder implements OperationListener, SpanProcessor {

	private final RecentGenAiTraces traces;

	private final GenAiUsageCounters counters;

	/** Adopted spans waiting for their owner to end them, at most. */
	private static final int MAX_ADOPTED = 10_000;

	private final java.util.Set<SpanContext> adopted = java.util.concurrent.ConcurrentHashMap.newKeySet();

	/**
	 * Creates a recorder.
	 * @param traces the ring of recent traces
	 * @param counters the counters
	 */
	public GenAiSpanRecorder(RecentGenAiTraces traces, GenAiUsageCounters counters) {
		this.traces = traces;
		this.counters = counters;
	}

	@Override
	public void onEnd(OperationRun run) {
		GenAiOperation operation = run.operation();
		if (operation.operationName() == null && !isMcpAction(operation)) {
			link(run.span().getSpanContext(), (run.span() instanceof ReadableSpan readable)
					? readable.getParentSpanContext() : null);
			return;
		}
		TokenUsage usage = run.usage();
		long input = (usage != null) ? orZero(usage.inputTokens()) : 0;
		long output = (usage != null) ? orZero(usage.outputTokens()) : 0;
		boolean error = run.outcome().isError();
		if (operation instanceof AgentInvocation agent) {
			RunTotals totals = run.runTotals();
			if (totals != null) {
				input = totals.inputTokens();
				output = totals.outputTokens();
			}
			this.counters.agent((agent.agentName() != null) ? agent.agentName() : "unknown", error, input, output,
					(totals != null) ? totals.cost() : null);
		}
		else if (operation instanceof ModelCall model) {
			GenAiResponse response = run.response();
			String name = (model.requestModel() != null) ? model.requestModel()
					: (response != null) ? response.model() : null;
			if (name != null) {
				this.counters.model(name, error, input, output, run.cost());
			}
		}
		if (this.traces.isEnabled() && run.span() instanceof ReadableSpan readable) {
			if (!readable.hasEnded()) {
				// a span adopted from another instrumentation (Spring Boot's HTTP server span of
				// an A2A request): recorded when its owner ends it, with its final time and status
				if (this.adopted.size() >= MAX_ADOPTED) {
					this.adopted.clear();
				}
				this.adopted.add(readable.getSpanContext());
				return;
			}
			record(readable.toSpanData());
		}
	}

	/**
	 * An MCP request that does something for the agent ({@code tools/call},
	 * {@code prompts/get}, {@code resources/read}): kept like GenAI spans, so that a trace
	 * shows the call from client to server. Protocol housekeeping ({@code initialize},
	 * {@code tools/list}, notifications) is only a parent link.
	 */
	private static boolean isMcpAction(GenAiOperation operation) {
		return operation instanceof McpRequest mcp
				&& (mcp.toolName() != null || mcp.promptName() != null || mcp.resourceUri() != null);
	}

	private void record(SpanData data) {
		SpanContext parent = data.getParentSpanContext();
		this.traces.add(new RecordedSpan(data.getTraceId(), data.getSpanId(),
				(parent.isValid()) ? parent.getSpanId() : null, null, data.getName(), data.getKind().name(),
				data.getStartEpochNanos() / 1000, (data.getEndEpochNanos() - data.getStartEpochNanos()) / 1000,
				data.getStatus().getStatusCode().name(), emptyToNull(data.getStatus().getDescription()),
				data.getResource().getAttribute(ResourceAttributes.SERVICE_NAME), attributes(data.getAttributes())));
	}

	@Override
	public void onStart(Context parentContext, ReadWriteSpan span) {
	}

	@Override
	public boolean isStartRequired() {
		return false;
	}

	@Override
	public void onEnd(ReadableSpan span) {
		if (!this.traces.isEnabled()
				|| SpanLifecycle.INSTRUMENTATION_NAME.equals(span.getInstrumentationScopeInfo().getName())) {
			// GenAI spans come through the lifecycle
			return;
		}
		try {
			if (!this.adopted.isEmpty() && this.adopted.remove(span.getSpanContext())) {
				record(span.toSpanData());
				return;
			}
			link(span.getSpanContext(), span.getParentSpanContext());
		}
		catch (RuntimeException ex) {
			// recording must never disturb the application
		}
	}

	private void link(SpanContext context, @Nullable SpanContext parent) {
		if (this.traces.isEnabled()) {
			this.traces.addLink(context.getTraceId(), context.getSpanId(),
					(parent != null && parent.isValid()) ? parent.getSpanId() : null);
		}
	}

	private static Map<String, Object> attributes(Attributes attributes) {
		Map<String, Object> map = new TreeMap<>();
		attributes.forEach((key, value) -> map.put(key.getKey(), value));
		return map;
	}

	private static long orZero(@Nullable Long value) {
		return (value != null) ? value : 0;
	}

	private static @Nullable String emptyToNull(@Nullable String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	@Override
	public boolean isEndRequired() {
		return true;
	}

	@Override
	public CompletableResultCode shutdown() {
		return CompletableResultCode.ofSuccess();
	}

}
