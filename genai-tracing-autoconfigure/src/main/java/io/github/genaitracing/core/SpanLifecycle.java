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

package io.github.genaitracing.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.context.GenAiContext;
import io.github.genaitracing.spi.AgentInvocation;
import io.github.genaitracing.spi.AttributeSink;
import io.github.genaitracing.spi.GenAiOperation;
import io.github.genaitracing.spi.ModelCall;
import io.github.genaitracing.spi.OperationKind;
import io.github.genaitracing.spi.OperationListener;
import io.github.genaitracing.spi.Outcome;
import io.github.genaitracing.spi.SpanVocabulary;
import io.github.genaitracing.spi.ToolExecution;

/**
 * The one class that starts, fails and ends every GenAI span, whatever the entry point
 * (aspects, A2A filter and client, Spring AI handlers): it lets every enabled
 * {@link SpanVocabulary} describe the span, records the outcome once, ends the span
 * exactly once and tells every {@link OperationListener}. Each call into a vocabulary or
 * listener is guarded by {@link FailSafe}. The conversation id is inherited from the
 * parent context (or its baggage) when the run has none, and put into the child context
 * and baggage.
 *
 * @since 0.1.0
 */
public final class SpanLifecycle {

	/**
	 * Instrumentation scope name of the spans.
	 */
	public static final String INSTRUMENTATION_NAME = "io.github.genaitracing";

	private final Tracer tracer;

	private final List<SpanVocabulary> vocabularies;

	private final List<OperationListener> listeners;

	private final @Nullable String conversationIdBaggageKey;

	/** The conversation id's baggage key when nothing of its entry goes to the logging MDC. */
	private final @Nullable String quietBaggageKey;

	private final ScopeListener scopeListener;

	private final Map<SpanContext, SpanHandle> openTools = new ConcurrentHashMap<>();

	private final CostAccounting accounting;

	private final boolean tracksRuns;

	/** Whether there are listeners, read at every start and end. */
	private final boolean hasListeners;

	/** Whether the accounting sums runs (defers agents' ends), read at every end. */
	private final boolean sumsRuns;

	/**
	 * Creates the lifecycle.
	 * @param openTelemetry the OpenTelemetry instance
	 * @param vocabularies the enabled vocabularies, in order
	 * @param conversationIdBaggageKey baggage key of the conversation id, or {@code null}
	 * to leave baggage alone
	 */
	public SpanLifecycle(OpenTelemetry openTelemetry, List<SpanVocabulary> vocabularies,
			@Nullable String conversationIdBaggageKey) {
		this(openTelemetry, vocabularies, conversationIdBaggageKey, ScopeListener.NONE, List.of());
	}

	/**
	 * Creates the lifecycle.
	 * @param openTelemetry the OpenTelemetry instance
	 * @param vocabularies the enabled vocabularies, in order
	 * @param conversationIdBaggageKey baggage key of the conversation id, or {@code null}
	 * to leave baggage alone
	 * @param scopeListener told whenever a span's context is made current
	 * @param listeners told when spans start and end, in order
	 */
	public SpanLifecycle(OpenTelemetry openTelemetry, List<SpanVocabulary> vocabularies,
			@Nullable String conversationIdBaggageKey, ScopeListener scopeListener,
			List<OperationListener> listeners) {
		this(openTelemetry, vocabularies, conversationIdBaggageKey, scopeListener, listeners, CostAccounting.NONE);
	}

	/**
	 * Creates the lifecycle.
	 * @param openTelemetry the OpenTelemetry instance
	 * @param vocabularies the enabled vocabularies, in order
	 * @param conversationIdBaggageKey baggage key of the conversation id, or {@code null}
	 * to leave baggage alone
	 * @param scopeListener told whenever a span's context is made current
	 * @param listeners told when spans start and end, in order
	 * @param accounting prices model calls and sums them on agent runs
	 */
	public SpanLifecycle(OpenTelemetry openTelemetry, List<SpanVocabulary> vocabularies,
			@Nullable String conversationIdBaggageKey, ScopeListener scopeListener, List<OperationListener> listeners,
			CostAccounting accounting) {
		this(openTelemetry, vocabularies, conversationIdBaggageKey, scopeListener, listeners, accounting, false);
	}

	/**
	 * Creates the lifecycle.
	 * @param openTelemetry the OpenTelemetry instance
	 * @param vocabularies the enabled vocabularies, in order
	 * @param conversationIdBaggageKey baggage key of the conversation id, or {@code null}
	 * to leave baggage alone
	 * @param scopeListener told whenever a span's context is made current
	 * @param listeners told when spans start and end, in order
	 * @param accounting prices model calls and sums them on agent runs
	 * @param conversationIdOutOfLogContext whether the conversation id's baggage entry
	 * stays out of the logging MDC (it is not one of Spring Boot's log correlation
	 * fields): a run's context that only adds that entry to the current span's context is
	 * then made current without Spring Boot's scope events
	 */
	public SpanLifecycle(OpenTelemetry openTelemetry, List<SpanVocabulary> vocabularies,
			@Nullable String conversationIdBaggageKey, ScopeListener scopeListener, List<OperationListener> listeners,
			CostAccounting accounting, boolean conversationIdOutOfLogContext) {
		this.accounting = accounting;
		this.hasListeners = !listeners.isEmpty();
		this.sumsRuns = accounting.tracksRuns();
		this.tracksRuns = this.hasListeners || this.sumsRuns;
		this.scopeListener = scopeListener;
		this.tracer = openTelemetry.getTracer(INSTRUMENTATION_NAME);
		this.vocabularies = List.copyOf(vocabularies);
		this.listeners = List.copyOf(listeners);
		this.conversationIdBaggageKey = (conversationIdBaggageKey == null || conversationIdBaggageKey.isBlank())
				? null : conversationIdBaggageKey;
		this.quietBaggageKey = conversationIdOutOfLogContext ? this.conversationIdBaggageKey : null;
	}

	/**
	 * Starts a span as a child of the current context.
	 * @param operation the operation
	 * @return the started span
	 */
	public SpanHandle start(GenAiOperation operation) {
		return start(operation, null, Context.current());
	}

	/**
	 * Starts a span with an explicit parent context ({@link Context#root()} for a new
	 * trace).
	 * @param operation the operation
	 * @param parent the parent context
	 * @return the started span
	 */
	public SpanHandle start(GenAiOperation operation, Context parent) {
		return start(operation, null, parent);
	}

	/**
	 * Starts a span; never throws.
	 * @param operation the operation
	 * @param conversationId the conversation id of this run, or {@code null} to inherit
	 * the parent's
	 * @param parent the parent context ({@link Context#root()} for a new trace)
	 * @return the started span
	 */
	public SpanHandle start(GenAiOperation operation, @Nullable String conversationId, Context parent) {
		return start(operation, null, conversationId, parent);
	}

	/**
	 * Describes an operation that many spans share (such as the operation of an annotated
	 * method) once, so that starting a span of it sets prebuilt start attributes instead
	 * of asking every vocabulary again.
	 * @param operation the operation
	 * @return the described operation, for {@link #start(DescribedOperation, String, Context)}
	 * of this lifecycle
	 */
	public DescribedOperation describe(GenAiOperation operation) {
		return new DescribedOperation(this, operation, this.vocabularies);
	}

	/**
	 * Starts a span of a described operation; never throws. The span gets the same
	 * attributes as one started with {@link #start(GenAiOperation, String, Context)}.
	 * @param described the operation, described by this lifecycle (one described by
	 * another is started as an undescribed operation)
	 * @param conversationId the conversation id of this run, or {@code null} to inherit
	 * the parent's
	 * @param parent the parent context ({@link Context#root()} for a new trace)
	 * @return the started span
	 */
	public SpanHandle start(DescribedOperation described, @Nullable String conversationId, Context parent) {
		return start(described.operation(), (described.lifecycle() == this) ? described : null, conversationId,
				parent);
	}

	private SpanHandle start(GenAiOperation operation, @Nullable DescribedOperation described,
			@Nullable String conversationId, Context parent) {
		long startNanos = startTime(operation);
		String effectiveId = (conversationId != null) ? conversationId : inheritedConversationId(parent);
		SpanBuilder builder = this.tracer.spanBuilder(operation.spanName())
			.setSpanKind(operation.spanKind())
			.setParent(parent);
		if (described != null) {
			described.describe(builder, effectiveId, this.vocabularies);
		}
		else {
			describeStart(operation, effectiveId, AttributeSink.of(builder));
		}
		if ((described != null) ? described.hasProtocolParts() : hasProtocolParts(operation)) {
			addProtocolParts(operation, builder);
		}
		SpanHandle handle = new SpanHandle(this, startSpan(builder), operation, effectiveId, parentOf(parent),
				startNanos, true);
		handle.described = described;
		return register(handle, parent, described != null);
	}

	static boolean hasProtocolParts(GenAiOperation operation) {
		return operation.hasProtocolAttributes() || !operation.links().isEmpty();
	}

	private static void addProtocolParts(GenAiOperation operation, SpanBuilder builder) {
		operation.writeProtocolAttributes(AttributeSink.of(builder));
		List<SpanContext> links = operation.links();
		for (int i = 0; i < links.size(); i++) {
			builder.addLink(links.get(i));
		}
	}

	private static Span startSpan(SpanBuilder builder) {
		try {
			return builder.startSpan();
		}
		catch (Throwable ex) {
			// a span processor failed: the application goes on without this span
			FailSafe.failed("span processor", ex);
			return Span.wrap(SpanContext.getInvalid());
		}
	}

	/**
	 * Adopts a span that another instrumentation started and will end, such as Spring
	 * Boot's HTTP server span of a request: every vocabulary describes it now, the
	 * listeners are told as for a started span, and ending the handle records the outcome
	 * on it and tells the listeners without ending the span — its owner ends it, after the
	 * handle. Never throws.
	 * @param span the span to adopt, current in {@code parent}'s stead
	 * @param operation the operation the span now describes
	 * @param conversationId the conversation id of this run, or {@code null} to inherit
	 * the parent's
	 * @param parent the context the span was started in (its parent's)
	 * @return the handle of the adopted span
	 */
	public SpanHandle adopt(Span span, GenAiOperation operation, @Nullable String conversationId, Context parent) {
		long startNanos = startTime(operation);
		String effectiveId = (conversationId != null) ? conversationId : inheritedConversationId(parent);
		AttributeSink sink = AttributeSink.of(span);
		describeStart(operation, effectiveId, sink);
		addProtocolParts(operation, span, sink);
		return register(new SpanHandle(this, span, operation, effectiveId, parentOf(parent), startNanos, false),
				parent, false);
	}

	/**
	 * Adopts a span as {@link #adopt(Span, GenAiOperation, String, Context)} does, with
	 * the prebuilt start attributes of a described operation: for the spans of one
	 * operation that differ from one another in their protocol attributes and links only,
	 * such as the server spans of an agent's A2A runs. Never throws.
	 * @param span the span to adopt, current in {@code parent}'s stead
	 * @param described the operation as this lifecycle described it (one described by
	 * another is adopted as an undescribed operation)
	 * @param operation the operation the span now describes: the described one, or one
	 * with the same fields and this span's protocol attributes and links
	 * @param conversationId the conversation id of this run, or {@code null} to inherit
	 * the parent's
	 * @param parent the context the span was started in (its parent's)
	 * @return the handle of the adopted span
	 */
	public SpanHandle adopt(Span span, DescribedOperation described, GenAiOperation operation,
			@Nullable String conversationId, Context parent) {
		if (described.lifecycle() != this) {
			return adopt(span, operation, conversationId, parent);
		}
		long startNanos = startTime(operation);
		String effectiveId = (conversationId != null) ? conversationId : inheritedConversationId(parent);
		try {
			described.describe(span, operation, effectiveId, this.vocabularies);
		}
		catch (Throwable ex) {
			FailSafe.failed("span processor", ex);
		}
		addProtocolParts(operation, span, AttributeSink.of(span));
		SpanHandle handle = new SpanHandle(this, span, operation, effectiveId, parentOf(parent), startNanos, false);
		handle.described = described;
		return register(handle, parent, false);
	}

	private static void addProtocolParts(GenAiOperation operation, Span span, AttributeSink sink) {
		try {
			operation.writeProtocolAttributes(sink);
			List<SpanContext> links = operation.links();
			for (int i = 0; i < links.size(); i++) {
				span.addLink(links.get(i));
			}
		}
		catch (Throwable ex) {
			FailSafe.failed("span processor", ex);
		}
	}

	/**
	 * Returns the start time when someone reads it — the listeners (for the duration) or
	 * the time to the first chunk of a model call — else 0: reading the clock costs as
	 * much as a few attributes.
	 */
	private long startTime(GenAiOperation operation) {
		return (this.hasListeners || operation instanceof ModelCall) ? System.nanoTime() : 0;
	}

	/**
	 * Lets every vocabulary describe a starting span, each call guarded.
	 */
	private void describeStart(GenAiOperation operation, @Nullable String conversationId, AttributeSink sink) {
		for (int i = 0; i < this.vocabularies.size(); i++) {
			SpanVocabulary vocabulary = this.vocabularies.get(i);
			try {
				vocabulary.onStart(operation, conversationId, sink);
			}
			catch (Throwable ex) {
				FailSafe.failed(vocabulary, ex);
			}
		}
	}

	private @Nullable SpanHandle parentOf(Context parent) {
		return this.tracksRuns ? parent.get(RunContext.RUN) : null;
	}

	/**
	 * Gives the handle its context and tells the listeners. An open tool span is found by
	 * {@link #currentTool}: a described one (an annotated method's, which runs in the
	 * handle's context) through its context, any other through a map by span, as its
	 * context may be made current by its own instrumentation (such as Micrometer's).
	 */
	private SpanHandle register(SpanHandle handle, Context parent, boolean described) {
		Span span = handle.span();
		GenAiOperation operation = handle.operation();
		boolean tool = operation instanceof ToolExecution;
		handle.context = childContext(parent, span, handle.conversationId(),
				(this.tracksRuns || (tool && described)) ? handle : null);
		if (tool && !described) {
			handle.inOpenTools = true;
			this.openTools.put(span.getSpanContext(), handle);
		}
		if (this.tracksRuns) {
			trackRun(handle, operation);
		}
		return handle;
	}

	/**
	 * Counts the agents a model call is priced on and tells the listeners of a start.
	 */
	private void trackRun(SpanHandle handle, GenAiOperation operation) {
		SpanHandle parentRun = (SpanHandle) handle.parent();
		if (parentRun != null && operation instanceof ModelCall && this.accounting.tracksRuns()) {
			handle.countedAgents(countAgents(parentRun));
		}
		for (int i = 0; i < this.listeners.size(); i++) {
			OperationListener listener = this.listeners.get(i);
			try {
				listener.onStart(handle);
			}
			catch (Throwable ex) {
				FailSafe.failed(listener, ex);
			}
		}
	}

	private static List<SpanHandle> countAgents(SpanHandle parentRun) {
		List<SpanHandle> agents = null;
		for (SpanHandle run = parentRun; run != null; run = (SpanHandle) run.parent()) {
			if (run.operation() instanceof AgentInvocation && run.modelCallStarted()) {
				if (agents == null) {
					agents = new ArrayList<>(2);
				}
				agents.add(run);
			}
		}
		return (agents != null) ? agents : List.of();
	}

	/**
	 * Ends a span once: records its outcome, ends it and tells the listeners.
	 */
	void end(SpanHandle handle) {
		if (this.hasListeners) {
			handle.durationNanos(System.nanoTime() - handle.startNanos());
		}
		if (this.sumsRuns && handle.owned() && handle.operation() instanceof AgentInvocation
				&& handle.deferEndWhileModelCallsRun()) {
			// a streamed model call below ends after the agent's own stream completed: the
			// agent's span ends (at this time) once that call ended and was summed
			this.accounting.scheduleDeferredEnd(() -> {
				if (handle.claimDeferredEnd()) {
					finish(handle, handle.deferredEndEpochNanos());
				}
			});
			return;
		}
		finish(handle, -1);
	}

	/**
	 * Ends a span: sums, records its outcome, ends it (at the given time when it was
	 * deferred) and tells the listeners; then ends the agents whose end waited for it.
	 */
	private void finish(SpanHandle handle, long endEpochNanos) {
		if (this.accounting != CostAccounting.NONE) {
			account(handle);
		}
		Span span = handle.span();
		Outcome outcome = handle.outcome();
		if (outcome.isError()) {
			recordError(handle, span, outcome);
		}
		if (handle.inOpenTools) {
			this.openTools.remove(span.getSpanContext());
		}
		if (handle.owned()) {
			endSpan(span, endEpochNanos);
		}
		if (this.tracksRuns) {
			endRun(handle);
		}
	}

	private void account(SpanHandle handle) {
		if (this.accounting.tracksRuns()) {
			// read by the accounting of the runs below it only
			handle.markFinished();
		}
		try {
			this.accounting.beforeEnd(handle, this.vocabularies);
		}
		catch (Throwable ex) {
			FailSafe.failed(this.accounting, ex);
		}
	}

	private void recordError(SpanHandle handle, Span span, Outcome outcome) {
		try {
			GenAiOperation operation = handle.operation();
			handle.tell((vocabulary, sink) -> vocabulary.onError(operation, outcome, sink));
			String description = ErrorAttributes.description(outcome.description());
			if (description != null) {
				span.setStatus(StatusCode.ERROR, description);
			}
			else {
				span.setStatus(StatusCode.ERROR);
			}
			if (outcome.exception() != null) {
				span.addEvent(ErrorAttributes.EXCEPTION_EVENT, ErrorAttributes.exception(outcome.exception()));
			}
		}
		catch (Throwable ex) {
			FailSafe.failed(this, ex);
		}
	}

	private static void endSpan(Span span, long endEpochNanos) {
		try {
			if (endEpochNanos > 0) {
				span.end(endEpochNanos, TimeUnit.NANOSECONDS);
			}
			else {
				span.end();
			}
		}
		catch (Throwable ex) {
			FailSafe.failed("span processor", ex);
		}
	}

	/**
	 * Counts a chat call or tool execution for its agent, tells the listeners of an end,
	 * then ends the agents whose end waited for it.
	 */
	private void endRun(SpanHandle handle) {
		OperationKind kind = handle.operation().kind();
		if (kind == OperationKind.CHAT || kind == OperationKind.EXECUTE_TOOL) {
			countForAgent(handle, kind == OperationKind.CHAT);
		}
		for (int i = 0; i < this.listeners.size(); i++) {
			OperationListener listener = this.listeners.get(i);
			try {
				listener.onEnd(handle);
			}
			catch (Throwable ex) {
				FailSafe.failed(listener, ex);
			}
		}
		List<SpanHandle> agents = handle.countedAgents();
		for (int i = 0; i < agents.size(); i++) {
			SpanHandle agent = agents.get(i);
			if (agent.modelCallEnded()) {
				finish(agent, agent.deferredEndEpochNanos());
			}
		}
	}

	/**
	 * Counts an ended chat call or tool execution on the nearest agent run above it: the
	 * agent that made it (a nested agent's calls count for that agent).
	 */
	private static void countForAgent(SpanHandle handle, boolean inference) {
		for (SpanHandle run = (SpanHandle) handle.parent(); run != null; run = (SpanHandle) run.parent()) {
			if (run.operation().kind() == OperationKind.INVOKE_AGENT) {
				run.countCall(inference);
				return;
			}
		}
	}

	/**
	 * Returns the open tool span of the given tool that is current in the context (such as
	 * the span of Spring AI's tool calling), so that an annotated tool method running
	 * inside it records on it instead of starting a second span.
	 * @param context the context
	 * @param toolName the tool name
	 * @return the open tool span, or {@code null}
	 */
	public @Nullable SpanHandle currentTool(Context context, @Nullable String toolName) {
		SpanHandle run = context.get(RunContext.RUN);
		if (run != null && run.operation() instanceof ToolExecution tool && run.span() == Span.fromContext(context)
				&& !run.isEnded() && Objects.equals(tool.toolName(), toolName)) {
			return run;
		}
		if (this.openTools.isEmpty()) {
			return null;
		}
		SpanHandle span = this.openTools.get(Span.fromContext(context).getSpanContext());
		if (span != null && span.operation() instanceof ToolExecution tool
				&& Objects.equals(tool.toolName(), toolName)) {
			return span;
		}
		return null;
	}

	/**
	 * Returns the vocabularies in use.
	 * @return the vocabularies
	 */
	public List<SpanVocabulary> vocabularies() {
		return this.vocabularies;
	}

	/**
	 * Returns the listeners in use.
	 * @return the listeners
	 */
	public List<OperationListener> listeners() {
		return this.listeners;
	}

	ScopeListener scopeListener() {
		return this.scopeListener;
	}

	@Nullable String quietBaggageKey() {
		return this.quietBaggageKey;
	}

	/**
	 * Returns the conversation id a span started in this context would inherit.
	 * @param context the context
	 * @return the conversation id, or {@code null}
	 */
	public @Nullable String inheritedConversationId(Context context) {
		String conversationId = GenAiContext.conversationId(context);
		if (conversationId == null && this.conversationIdBaggageKey != null) {
			conversationId = Baggage.fromContext(context).getEntryValue(this.conversationIdBaggageKey);
		}
		return conversationId;
	}

	/**
	 * Returns the context of a span: its parent's plus the span, the conversation id and
	 * its baggage entry where the parent's differ, and the handle when given — one object,
	 * made by {@link RunContext}.
	 */
	private Context childContext(Context parent, Span span, @Nullable String conversationId,
			@Nullable SpanHandle run) {
		String addedId = null;
		String baggageId = null;
		if (conversationId != null) {
			if (!conversationId.equals(GenAiContext.conversationId(parent))) {
				addedId = conversationId;
			}
			if (this.conversationIdBaggageKey != null && !conversationId
				.equals(Baggage.fromContext(parent).getEntryValue(this.conversationIdBaggageKey))) {
				baggageId = conversationId;
			}
		}
		return RunContext.of(parent, span, addedId, this.conversationIdBaggageKey, baggageId, run);
	}

}
