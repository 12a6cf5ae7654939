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

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.ReadableSpan;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.spi.AttributeSink;
import io.github.genaitracing.spi.CapturedContent;
import io.github.genaitracing.spi.Cost;
import io.github.genaitracing.spi.GenAiOperation;
import io.github.genaitracing.spi.GenAiResponse;
import io.github.genaitracing.spi.OperationRun;
import io.github.genaitracing.spi.Outcome;
import io.github.genaitracing.spi.RunTotals;
import io.github.genaitracing.spi.SpanVocabulary;
import io.github.genaitracing.spi.TokenUsage;

/**
 * The handle of one live GenAI span, started by {@link SpanLifecycle}: records what the
 * operation learns through every enabled vocabulary, records a failure once, and ends the
 * span exactly once, even when completion, error, timeout and cancellation race on
 * different threads. No method throws.
 *
 * @since 0.1.0
 */
public final class SpanHandle implements OperationRun {

	/** The {@link #state} field, changed by compare-and-set (no access check per call). */
	private static final VarHandle STATE;

	static {
		try {
			STATE = MethodHandles.lookup().findVarHandle(SpanHandle.class, "state", Object.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	/** The state of a span that ended without a failure. */
	private static final Ended ENDED_OK = new Ended(Outcome.OK);

	private final SpanLifecycle lifecycle;

	private final Span span;

	private final GenAiOperation operation;

	private final @Nullable String conversationId;

	private final @Nullable SpanHandle parent;

	private final long startNanos;

	Context context = Context.root();

	/**
	 * {@code null} while the span runs without a failure, the failure's {@link Outcome}
	 * once one was recorded, an {@link Ended} holding the final outcome once it ended: one
	 * field changed by one compare-and-set, so that the first failure and the end are
	 * each recorded once, and a span that ends without failing pays for one atomic write.
	 */
	private volatile @Nullable Object state;

	private final boolean owned;

	/**
	 * The handle's hash code, drawn once: listeners keep open runs in maps by handle, and
	 * an identity hash code costs the first caller a write to the object's header.
	 */
	private final int hash = ThreadLocalRandom.current().nextInt();

	/** Whether the lifecycle's map of open tool spans holds this span. */
	boolean inOpenTools;

	/**
	 * The operation as described ahead, when the span's start attributes came from it:
	 * it knows which of them carry the conversation id.
	 */
	@Nullable DescribedOperation described;

	/**
	 * What only some spans record (model calls, runs with listeners or prices), made on
	 * first use so that a span that records none of it (such as most agent and tool
	 * spans) carries one field instead of a dozen.
	 */
	private volatile @Nullable Details details;

	SpanHandle(SpanLifecycle lifecycle, Span span, GenAiOperation operation, @Nullable String conversationId,
			@Nullable SpanHandle parent, long startNanos, boolean owned) {
		this.owned = owned;
		this.lifecycle = lifecycle;
		this.span = span;
		this.operation = operation;
		this.conversationId = conversationId;
		this.parent = parent;
		this.startNanos = startNanos;
	}

	/**
	 * Returns a hash code drawn when the handle was made; handles are equal only to
	 * themselves.
	 */
	@Override
	public int hashCode() {
		return this.hash;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other;
	}

	/**
	 * Whether ending the handle ends the span: {@code false} for a span adopted from
	 * another instrumentation, which its owner ends.
	 */
	boolean owned() {
		return this.owned;
	}

	/**
	 * Returns the sink writing to the span, kept with the details: spans that record
	 * something after the start (model calls, content, errors) make their details anyway,
	 * and the others carry one field less.
	 */
	AttributeSink sink() {
		Details details = details();
		AttributeSink sink = details.sink;
		if (sink == null) {
			sink = AttributeSink.of(this.span);
			details.sink = sink;
		}
		return sink;
	}

	@Override
	public Span span() {
		return this.span;
	}

	/**
	 * Returns the context in which work of this operation runs: the span, the
	 * conversation id and its baggage.
	 * @return the context
	 */
	public Context context() {
		return this.context;
	}

	@Override
	public GenAiOperation operation() {
		return this.operation;
	}

	@Override
	public @Nullable String conversationId() {
		return this.conversationId;
	}

	@Override
	public @Nullable OperationRun parent() {
		return this.parent;
	}

	/**
	 * {@inheritDoc} Measured when the lifecycle has listeners or the operation is a model
	 * call; otherwise 0.
	 */
	@Override
	public long startNanos() {
		return this.startNanos;
	}

	/**
	 * {@inheritDoc} Measured only when the lifecycle has listeners.
	 */
	@Override
	public long durationNanos() {
		Details details = this.details;
		return (details != null) ? details.durationPlusOne - 1 : -1;
	}

	void durationNanos(long nanos) {
		details().durationPlusOne = nanos + 1;
	}

	@Override
	public @Nullable GenAiResponse response() {
		Details details = this.details;
		return (details != null) ? details.response : null;
	}

	@Override
	public @Nullable TokenUsage usage() {
		Details details = this.details;
		return (details != null) ? details.usage : null;
	}

	@Override
	public @Nullable Cost cost() {
		Details details = this.details;
		return (details != null) ? details.cost : null;
	}

	void cost(Cost cost) {
		details().cost = cost;
	}

	@Override
	public @Nullable RunTotals runTotals() {
		Details details = this.details;
		return (details != null) ? details.runTotals : null;
	}

	@Override
	public @Nullable String serverAddress() {
		Endpoint server = server();
		return (server != null) ? server.address() : this.operation.serverAddress();
	}

	@Override
	public @Nullable Long serverPort() {
		Endpoint server = server();
		return (server != null) ? server.port() : this.operation.serverPort();
	}

	private @Nullable Endpoint server() {
		Details details = this.details;
		return (details != null) ? details.server : null;
	}

	/**
	 * Counts a chat call or a tool execution of this agent run that ended.
	 * @param inference whether a chat call (else a tool execution)
	 */
	synchronized void countCall(boolean inference) {
		Details details = details();
		if (inference) {
			details.inferenceCalls++;
		}
		else {
			details.toolCalls++;
		}
	}

	@Override
	public int inferenceCalls() {
		Details details = this.details;
		return (details != null) ? details.inferenceCalls : 0;
	}

	@Override
	public int toolCalls() {
		Details details = this.details;
		return (details != null) ? details.toolCalls : 0;
	}

	/**
	 * Counts a model call started below this agent run, unless its span was ended.
	 * @return whether it was counted
	 */
	synchronized boolean modelCallStarted() {
		if (finished() || isEnded()) {
			return false;
		}
		details().openModelCalls++;
		return true;
	}

	/**
	 * Counts a model call below this agent run as ended.
	 * @return whether the agent's end waited for it and must happen now
	 */
	synchronized boolean modelCallEnded() {
		Details details = details();
		details.openModelCalls--;
		if (details.openModelCalls == 0 && details.endDeferred) {
			details.endDeferred = false;
			return true;
		}
		return false;
	}

	/**
	 * Defers the end of this agent's span while model calls below it run, remembering the
	 * time of the end.
	 * @return whether the end was deferred
	 */
	synchronized boolean deferEndWhileModelCallsRun() {
		Details details = this.details;
		if (details == null || details.openModelCalls <= 0) {
			return false;
		}
		details.endDeferred = true;
		details.deferredEndEpochNanos = nowOnSpanClock();
		return true;
	}

	/**
	 * Claims a deferred end that the model calls did not bring about in time.
	 * @return whether the end is still to be done
	 */
	synchronized boolean claimDeferredEnd() {
		Details details = this.details;
		if (details == null || !details.endDeferred) {
			return false;
		}
		details.endDeferred = false;
		return true;
	}

	long deferredEndEpochNanos() {
		Details details = this.details;
		return (details != null) ? details.deferredEndEpochNanos : -1;
	}

	/**
	 * Returns the agent runs above this model call that wait for it to end before ending.
	 */
	List<SpanHandle> countedAgents() {
		Details details = this.details;
		return (details != null) ? details.countedAgents : List.of();
	}

	void countedAgents(List<SpanHandle> agents) {
		if (!agents.isEmpty()) {
			details().countedAgents = agents;
		}
	}

	/**
	 * Whether the span was ended (possibly later than {@link #end()} was called); marked
	 * only when the lifecycle sums runs.
	 */
	boolean finished() {
		Details details = this.details;
		return details != null && details.finished;
	}

	void markFinished() {
		details().finished = true;
	}

	private Details details() {
		Details details = this.details;
		if (details == null) {
			synchronized (this) {
				details = this.details;
				if (details == null) {
					details = new Details();
					this.details = details;
				}
			}
		}
		return details;
	}

	private long nowOnSpanClock() {
		try {
			if (this.span instanceof ReadableSpan readable) {
				return readable.toSpanData().getStartEpochNanos() + readable.getLatencyNanos();
			}
		}
		catch (Throwable ex) {
			// no OpenTelemetry SDK, or a span that cannot tell: end at the time it ends
		}
		return -1;
	}

	RunTotals totalsToAdd() {
		Details details = details();
		RunTotals totals = details.runTotals;
		if (totals == null) {
			synchronized (this) {
				totals = details.runTotals;
				if (totals == null) {
					totals = new RunTotals();
					details.runTotals = totals;
				}
			}
		}
		return totals;
	}

	@Override
	public long timeToFirstChunkNanos() {
		Details details = this.details;
		return (details != null) ? details.timeToFirstChunkPlusOne - 1 : -1;
	}

	@Override
	public Outcome outcome() {
		Object state = this.state;
		if (state == null) {
			return Outcome.OK;
		}
		return (state instanceof Ended ended) ? ended.outcome : (Outcome) state;
	}

	/**
	 * Makes {@link #context()} current.
	 * @return the scope to close
	 */
	public Scope makeCurrent() {
		return makeCurrent(this.context);
	}

	/**
	 * Makes a context derived from {@link #context()} current (one with more entries),
	 * telling the {@link ScopeListener} as {@link #makeCurrent()} does.
	 * @param derived the derived context
	 * @return the scope to close
	 */
	public Scope makeCurrent(Context derived) {
		Scope scope = SameSpanScopes.makeCurrent(derived, this.lifecycle.quietBaggageKey());
		ScopeListener scopeListener = this.lifecycle.scopeListener();
		if (scopeListener == ScopeListener.NONE) {
			return scope;
		}
		Scope listener;
		try {
			listener = scopeListener.onMakeCurrent();
		}
		catch (Throwable ex) {
			FailSafe.failed(ScopeListener.class, ex);
			return scope;
		}
		if (listener == Scope.noop()) {
			return scope;
		}
		return () -> {
			try {
				listener.close();
			}
			catch (Throwable ex) {
				FailSafe.failed(ScopeListener.class, ex);
			}
			finally {
				scope.close();
			}
		};
	}

	/**
	 * Records the operation's input; {@code null} (capture off) records nothing.
	 * @param input the captured input
	 */
	public void recordInput(@Nullable CapturedContent input) {
		if (input != null && !isEnded()) {
			tell((vocabulary, sink) -> vocabulary.onInput(this.operation, input, sink));
		}
	}

	/**
	 * Captures and records the operation's input; a capture (redaction, serialization)
	 * that fails records nothing.
	 * @param capture captures the input, returning {@code null} when capture is off
	 */
	public void captureInput(Supplier<? extends @Nullable CapturedContent> capture) {
		recordInput(FailSafe.get("content capture", capture));
	}

	/**
	 * Records the operation's output; {@code null} (capture off) records nothing.
	 * @param output the captured output
	 */
	public void recordOutput(@Nullable CapturedContent output) {
		recordOutput(output, null);
	}

	/**
	 * Captures and records the operation's output; a capture (redaction, serialization)
	 * that fails records nothing.
	 * @param capture captures the output, returning {@code null} when capture is off
	 */
	public void captureOutput(Supplier<? extends @Nullable CapturedContent> capture) {
		recordOutput(FailSafe.get("content capture", capture), null);
	}

	/**
	 * Records the operation's output and finish reason; {@code null} (capture off)
	 * records nothing.
	 * @param output the captured output
	 * @param finishReason the finish reason, or {@code null}
	 */
	public void recordOutput(@Nullable CapturedContent output, @Nullable String finishReason) {
		if (output != null && !isEnded()) {
			tell((vocabulary, sink) -> vocabulary.onOutput(this.operation, output, finishReason, sink));
		}
	}

	/**
	 * Records system instructions; {@code null} (capture off) records nothing.
	 * @param instructionsJson the instructions, a JSON array of parts
	 */
	public void recordSystemInstructions(@Nullable String instructionsJson) {
		if (instructionsJson != null && !isEnded()) {
			tell((vocabulary, sink) -> vocabulary.onSystemInstructions(this.operation, instructionsJson, sink));
		}
	}

	/**
	 * Records tool definitions; {@code null} (capture off) records nothing.
	 * @param definitionsJson the definitions, a JSON array
	 */
	public void recordToolDefinitions(@Nullable String definitionsJson) {
		if (definitionsJson != null && !isEnded()) {
			tell((vocabulary, sink) -> vocabulary.onToolDefinitions(this.operation, definitionsJson, sink));
		}
	}

	/**
	 * Records response metadata.
	 * @param response the response
	 */
	public void recordResponse(GenAiResponse response) {
		if (isEnded()) {
			return;
		}
		details().response = response;
		tell((vocabulary, sink) -> vocabulary.onResponse(this.operation, response, sink));
	}

	/**
	 * Records token usage.
	 * @param usage the usage
	 */
	public void recordUsage(TokenUsage usage) {
		if (isEnded()) {
			return;
		}
		details().usage = usage;
		tell((vocabulary, sink) -> vocabulary.onUsage(this.operation, usage, sink));
	}

	/**
	 * Records the time from the start of a streamed operation to its first chunk.
	 * @param nanos the time in nanoseconds
	 */
	public void recordTimeToFirstChunk(long nanos) {
		if (isEnded()) {
			return;
		}
		details().timeToFirstChunkPlusOne = nanos + 1;
		tell((vocabulary, sink) -> vocabulary.onTimeToFirstChunk(this.operation, nanos, sink));
	}

	/**
	 * Records the server endpoint the operation actually reached, learnt after the start
	 * (such as the host and port of a model call's HTTP request); it replaces the
	 * operation's own address and port on the span and in what the listeners read.
	 * @param address the host name or IP address; empty records nothing
	 * @param port the port, or {@code null}
	 */
	public void recordServer(String address, @Nullable Long port) {
		if (address.isEmpty() || isEnded()) {
			return;
		}
		Endpoint endpoint = new Endpoint(address, port);
		if (endpoint.equals(server())) {
			return;
		}
		details().server = endpoint;
		tell((vocabulary, sink) -> vocabulary.onServer(this.operation, address, port, sink));
	}

	/**
	 * Records a protocol attribute learnt after the start, such as a task state.
	 * @param <T> the value type
	 * @param key the key
	 * @param value the value; {@code null} records nothing
	 */
	public <T> void setProtocolAttribute(AttributeKey<T> key, @Nullable T value) {
		if (value != null && !isEnded()) {
			FailSafe.run(this, () -> sink().put(key, value));
		}
	}

	/**
	 * Records a conversation id learnt after the start (such as the {@code contextId} of
	 * an A2A response on the first turn of a conversation): each vocabulary writes the
	 * keys it writes for a conversation id, and nothing else.
	 * @param conversationId the conversation id
	 */
	public void recordConversationId(String conversationId) {
		if (isEnded()) {
			return;
		}
		Span span = this.span;
		List<SpanVocabulary> vocabularies = this.lifecycle.vocabularies();
		int asked = 0;
		DescribedOperation described = this.described;
		if (described != null) {
			// the vocabularies described ahead said where they write it
			FailSafe.run(this, () -> described.recordConversationId(span, conversationId));
			asked = described.describedAhead();
		}
		if (asked == vocabularies.size()) {
			return;
		}
		AttributeSink conversationOnly = new AttributeSink() {

			@Override
			public <T> void put(AttributeKey<T> key, @Nullable T value) {
				if (value != null && conversationId.equals(value)) {
					span.setAttribute(key, value);
				}
			}

		};
		for (int i = asked; i < vocabularies.size(); i++) {
			SpanVocabulary vocabulary = vocabularies.get(i);
			FailSafe.run(vocabulary, () -> vocabulary.onStart(this.operation, conversationId, conversationOnly));
		}
	}

	/**
	 * Records that the operation failed with an exception; only the first failure of a
	 * span is recorded. The error type is the exception's class name.
	 * @param error the failure
	 */
	public void fail(Throwable error) {
		fail(new Outcome(error.getClass().getName(), null, error));
	}

	/**
	 * Records that the operation failed, known by a code (a provider or JSON-RPC error
	 * code, a timeout); only the first failure of a span is recorded.
	 * @param errorType the low-cardinality error type
	 * @param description a description, or {@code null}
	 */
	public void fail(String errorType, @Nullable String description) {
		fail(new Outcome(errorType, description, null));
	}

	private void fail(Outcome failure) {
		// only the first failure, and none after the end
		STATE.compareAndSet(this, null, failure);
	}

	/**
	 * Ends the span, recording its outcome and telling the listeners; later calls do
	 * nothing.
	 */
	public void end() {
		Object current = this.state;
		while (!(current instanceof Ended)) {
			Ended ended = (current == null) ? ENDED_OK : new Ended((Outcome) current);
			if (STATE.compareAndSet(this, current, ended)) {
				this.lifecycle.end(this);
				return;
			}
			current = this.state;
		}
	}

	/**
	 * Records a failure (unless one was recorded) and ends the span.
	 * @param error the failure
	 */
	public void end(Throwable error) {
		fail(error);
		end();
	}

	@Override
	public boolean isEnded() {
		return this.state instanceof Ended;
	}

	/**
	 * Tells every vocabulary something, each call guarded.
	 */
	void tell(VocabularyCall call) {
		List<SpanVocabulary> vocabularies = this.lifecycle.vocabularies();
		AttributeSink sink = sink();
		for (int i = 0; i < vocabularies.size(); i++) {
			SpanVocabulary vocabulary = vocabularies.get(i);
			try {
				call.tell(vocabulary, sink);
			}
			catch (Throwable ex) {
				FailSafe.failed(vocabulary, ex);
			}
		}
	}

	@Override
	public String toString() {
		return "SpanHandle[" + this.operation.spanName() + "]";
	}

	/** The state of an ended span: its final outcome. */
	private static final class Ended {

		final Outcome outcome;

		Ended(Outcome outcome) {
			this.outcome = outcome;
		}

	}

	private record Endpoint(String address, @Nullable Long port) {
	}

	/** The part of a handle that only some spans use. */
	private static final class Details {

		/** A racy cache: a sink holds only the span, so any copy writes the same. */
		@Nullable AttributeSink sink;

		/** The duration plus one (0: not measured). */
		volatile long durationPlusOne;

		volatile @Nullable GenAiResponse response;

		volatile @Nullable TokenUsage usage;

		/** The time to the first chunk plus one (0: none recorded). */
		volatile long timeToFirstChunkPlusOne;

		volatile @Nullable Cost cost;

		volatile @Nullable RunTotals runTotals;

		volatile @Nullable Endpoint server;

		/** The agent runs above this model call that wait for it to end before ending. */
		volatile List<SpanHandle> countedAgents = List.of();

		volatile boolean finished;

		/** The chat calls of an agent run that ended; written guarded by the handle. */
		volatile int inferenceCalls;

		/** The tool executions of an agent run that ended; written guarded by the handle. */
		volatile int toolCalls;

		/** Guarded by the handle. */
		int openModelCalls;

		/** Guarded by the handle. */
		boolean endDeferred;

		long deferredEndEpochNanos = -1;

	}

	@FunctionalInterface
	interface VocabularyCall {

		void tell(SpanVocabulary vocabulary, AttributeSink sink);

	}

}
