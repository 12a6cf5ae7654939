package io.github.genaitracing.actuate;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.semconv.GenAiAttributes;

/**
 * A span processor that feeds the actuator endpoint: every ended GenAI span (one whose
 * {@code gen_ai.operation.name} is an operation of the GenAI conventions) goes to the
 * {@link RecentGenAiTraces recent-trace ring} and the {@link GenAiUsageCounters
 * counters}; other spans of kept traces are remembered as parent links. It only reads ended spans and keeps bounded state.
 *
 * @since 0.1.0
 */
public final class GenAiSpanRecorder implements SpanProcessor {

	/**
	 * The operations of the GenAI conventions; Spring AI's own framework spans (its
	 * {@code ChatClient} and advisor observations also carry {@code gen_ai.operation.name})
	 * are only parent links.
	 */
	private static final Set<String> OPERATIONS = Set.of(GenAiAttributes.OperationName.CHAT,
			GenAiAttributes.OperationName.TEXT_COMPLETION, GenAiAttributes.OperationName.GENERATE_CONTENT,
			GenAiAttributes.OperationName.EMBEDDINGS, GenAiAttributes.OperationName.INVOKE_AGENT,
			GenAiAttributes.OperationName.EXECUTE_TOOL, "create_agent", "retrieval");

	private final RecentGenAiTraces traces;

	private final GenAiUsageCounters counters;

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
	public void onStart(Context parentContext, ReadWriteSpan span) {
	}

	@Override
	public boolean isStartRequired() {
		return false;
	}

	@Override
	public void onEnd(ReadableSpan span) {
		try {
			record(span);
		}
		catch (RuntimeException ex) {
			// recording must never disturb the application
		}
	}

	private void record(ReadableSpan span) {
		SpanContext context = span.getSpanContext();
		SpanContext parent = span.getParentSpanContext();
		String parentId = (parent != null && parent.isValid()) ? parent.getSpanId() : null;
		String operation = span.getAttribute(GenAiAttributes.OPERATION_NAME);
		if (operation == null || !OPERATIONS.contains(operation)) {
			if (this.traces.isEnabled()) {
				this.traces.addLink(context.getTraceId(), context.getSpanId(), parentId);
			}
			return;
		}
		SpanData data = span.toSpanData();
		boolean error = data.getStatus().getStatusCode() == StatusCode.ERROR;
		long input = orZero(span.getAttribute(GenAiAttributes.USAGE_INPUT_TOKENS));
		long output = orZero(span.getAttribute(GenAiAttributes.USAGE_OUTPUT_TOKENS));
		if (GenAiAttributes.OperationName.INVOKE_AGENT.equals(operation)) {
			String agent = span.getAttribute(GenAiAttributes.AGENT_NAME);
			this.counters.agent((agent != null) ? agent : "unknown", error, input, output);
		}
		else if (span.getAttribute(GenAiAttributes.REQUEST_MODEL) != null || span.getAttribute(GenAiAttributes.RESPONSE_MODEL) != null) {
			String model = (span.getAttribute(GenAiAttributes.REQUEST_MODEL) != null) ? span.getAttribute(GenAiAttributes.REQUEST_MODEL)
					: span.getAttribute(GenAiAttributes.RESPONSE_MODEL);
			this.counters.model(model, error, input, output);
		}
		if (this.traces.isEnabled()) {
			this.traces.add(new RecordedSpan(context.getTraceId(), context.getSpanId(), parentId, data.getName(),
					data.getKind().name(), data.getStartEpochNanos() / 1000,
					(data.getEndEpochNanos() - data.getStartEpochNanos()) / 1000, data.getStatus().getStatusCode().name(),
					emptyToNull(data.getStatus().getDescription()), attributes(data.getAttributes())));
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
