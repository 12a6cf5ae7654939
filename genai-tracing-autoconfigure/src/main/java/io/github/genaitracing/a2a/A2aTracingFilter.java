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

package io.github.genaitracing.a2a;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.util.ClassUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

import io.github.genaitracing.autoconfigure.A2aLayout;
import io.github.genaitracing.autoconfigure.A2aParentPolicy;
import io.github.genaitracing.autoconfigure.A2aUserIdSource;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.context.GenAiContext;
import io.github.genaitracing.core.AgentDefaults;
import io.github.genaitracing.core.DescribedOperation;
import io.github.genaitracing.core.FailSafe;
import io.github.genaitracing.core.SpanHandle;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.spi.AgentInvocation;
import io.github.genaitracing.spi.AttributeSink;
import io.github.genaitracing.spi.GenAiOperation;

/**
 * Traces inbound A2A JSON-RPC requests with one span per request, the request's server
 * span: Spring Boot's HTTP server span when there is one (adopted, renamed and enriched),
 * else a SERVER span of its own. A message ({@code message/send}, {@code SendMessage},
 * the streaming forms) makes it the {@code invoke_agent {agent}} span, an agent run in
 * every vocabulary; any other method names it after the A2A 1.0 method ({@code GetTask},
 * …) with the {@code a2a.*} attributes only. In the {@link A2aLayout#SERVER_SPAN} layout the
 * server span is always named after the method and a message adds an {@code invoke_agent}
 * INTERNAL child. The filter reads the body once (bounded) and replays the same bytes to
 * the application, passes the response through unchanged while reading it, and records
 * the outcome when the request ends, also when it continues asynchronously (server-sent
 * events). A body that is not JSON-RPC is not A2A traffic: it is left alone. Nothing of
 * its own is ever thrown into the request.
 *
 * @since 0.1.0
 */
public final class A2aTracingFilter extends OncePerRequestFilter {

	private static final Log logger = LogFactory.getLog(A2aTracingFilter.class);

	private static final String VERSION_HEADER = "A2A-Version";

	/** The request attribute that marks a request this filter has seen, made once. */
	private static final String ALREADY_FILTERED = A2aTracingFilter.class.getName() + ALREADY_FILTERED_SUFFIX;

	private final SpanLifecycle spans;

	private final ContentPolicy contentPolicy;

	private final AgentDefaults agent;

	private final OpenTelemetry openTelemetry;

	private final Settings settings;

	private final A2aPaths paths;

	private final A2aBufferedBytes bufferedBytes;

	/**
	 * The agent run of a message as the request's server span, its start attributes
	 * written once: a request adds its A2A attributes and links.
	 */
	private final @Nullable DescribedOperation serverAgentRun;

	/** The agent named by the span of a request other than a message, when it has no user id. */
	private final AgentInvocation agentOfRequests;

	/**
	 * The server span of each A2A method named after the method (by ordinal), its start
	 * attributes written once: a request adds its A2A and network attributes and links.
	 */
	private final @Nullable DescribedOperation[] requestSpans;

	private final boolean observationsOnClassPath = ClassUtils.isPresent(
			"org.springframework.web.filter.ServerHttpObservationFilter", A2aTracingFilter.class.getClassLoader());

	/**
	 * Creates the filter.
	 * @param spans the span writer
	 * @param contentPolicy the content policy
	 * @param agent the agent attributes of the spans
	 * @param openTelemetry the OpenTelemetry instance, for inbound trace context
	 * @param settings the filter settings
	 */
	public A2aTracingFilter(SpanLifecycle spans, ContentPolicy contentPolicy, AgentDefaults agent,
			OpenTelemetry openTelemetry, Settings settings) {
		this(spans, contentPolicy, agent, openTelemetry, settings, new A2aBufferedBytes());
	}

	/**
	 * Creates the filter.
	 * @param spans the span writer
	 * @param contentPolicy the content policy
	 * @param agent the agent attributes of the spans
	 * @param openTelemetry the OpenTelemetry instance, for inbound trace context
	 * @param settings the filter settings
	 * @param bufferedBytes counts the bytes the filter holds
	 */
	public A2aTracingFilter(SpanLifecycle spans, ContentPolicy contentPolicy, AgentDefaults agent,
			OpenTelemetry openTelemetry, Settings settings, A2aBufferedBytes bufferedBytes) {
		this.bufferedBytes = bufferedBytes;
		this.spans = spans;
		this.contentPolicy = contentPolicy;
		this.agent = agent;
		this.openTelemetry = openTelemetry;
		this.settings = settings;
		this.paths = new A2aPaths(settings.paths(), settings.excludes());
		this.agentOfRequests = agentOperationBuilder(null).build();
		this.serverAgentRun = FailSafe.get("A2A agent description",
				() -> spans.describe(agentOperationBuilder(null).spanKind(SpanKind.SERVER).build()));
		this.requestSpans = new DescribedOperation[A2aMethod.values().length];
		for (A2aMethod method : A2aMethod.values()) {
			this.requestSpans[method.ordinal()] = FailSafe.get("A2A request description",
					() -> spans.describe(A2aServerSpan.operation(this.agentOfRequests, method)));
		}
	}

	/**
	 * The same attribute for every request, made once (the superclass joins the filter's
	 * name and a suffix on each request).
	 */
	@Override
	protected String getAlreadyFilteredAttributeName() {
		return ALREADY_FILTERED;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		try {
			return !this.paths.mayBeA2a(request, keptDecision(request));
		}
		catch (RuntimeException ex) {
			FailSafe.failed(A2aTracingFilter.class, ex);
			return true;
		}
	}

	/**
	 * The decision the starter's observation handler kept for this request, when Spring
	 * Boot's observation of it is open.
	 */
	private @Nullable Object keptDecision(HttpServletRequest request) {
		ServerRequestObservationContext observation = bootObservation(request);
		return (observation != null) ? observation.get(A2aPaths.DECISION_KEY) : null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = System.nanoTime();
		// once the filter has read part of the body, only a replaying request can pass it on
		HttpServletRequest[] passOn = { request };
		Traced traced = start(request, response, start, passOn);
		if (traced == null) {
			chain.doFilter(passOn[0], response);
			return;
		}
		try (Scope scope = makeCurrent(traced)) {
			chain.doFilter(traced.request(), traced.response());
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			safely(() -> traced.recordError(ex.getClass().getName(), ex.getMessage()));
			safely(() -> end(traced));
			throw ex;
		}
		if (request.isAsyncStarted()) {
			safely(() -> request.getAsyncContext().addListener(new EndOnAsyncEnd(traced)));
		}
		else {
			safely(() -> end(traced));
		}
	}

	private Scope makeCurrent(Traced traced) {
		try {
			A2aSpan inner = (traced.agent() != null) ? traced.agent() : traced.server();
			return inner.makeCurrent(traced.context());
		}
		catch (RuntimeException ex) {
			return Scope.noop();
		}
	}

	private @Nullable Traced start(HttpServletRequest request, HttpServletResponse response, long start,
			HttpServletRequest[] passOn) {
		if (this.settings.parent() != A2aParentPolicy.CONTINUE) {
			// from here on the application sees the trace headers the caller sent (hidden
			// from Spring Boot's observation by the caller context filter, which runs with
			// the other parent policies only)
			request.setAttribute(A2aCallerContextFilter.REVEAL_ATTRIBUTE, Boolean.TRUE);
		}
		try {
			A2aRequest a2a;
			HttpServletRequest replaying;
			long held = 0;
			if (request.getHeader("Content-Encoding") != null) {
				a2a = A2aRequest.notParsed("encoded");
				replaying = request;
			}
			else {
				InputStream in = request.getInputStream();
				ReplayingRequest.Prefix prefix = ReplayingRequest.readPrefix(in, this.settings.maxBodySize(),
						request.getContentLengthLong());
				byte[] buffer = prefix.bytes();
				int read = prefix.length();
				held = buffer.length;
				if (prefix.failed()) {
					// the client stopped sending: the application reads what came, then the failure
					passOn[0] = new ReplayingRequest(request, buffer, read, in);
					return null;
				}
				if (read > this.settings.maxBodySize()) {
					a2a = A2aRequest.notParsed("too_large");
					replaying = new ReplayingRequest(request, buffer, read, in);
				}
				else {
					a2a = A2aRequest.parse(buffer, read, request.getHeader(VERSION_HEADER),
							this.contentPolicy.isEnabled() ? this.contentPolicy.maxLength() : 0);
					replaying = new ReplayingRequest(request, buffer, read, null);
				}
				passOn[0] = replaying;
			}
			if (a2a.isNotJsonRpc()) {
				// not A2A traffic (a REST or other JSON endpoint on the same path): left alone
				return null;
			}
			Traced traced = startSpans(request, a2a, replaying, response, start, held);
			this.bufferedBytes.add(held);
			return traced;
		}
		catch (IOException ex) {
			logger.debug("A2A request not traced", ex);
			return null;
		}
		catch (RuntimeException | Error ex) {
			FailSafe.failed(A2aTracingFilter.class, ex);
			return null;
		}
	}

	private Traced startSpans(HttpServletRequest request, A2aRequest a2a, HttpServletRequest replaying,
			HttpServletResponse response, long start, long held) {
		ServerRequestObservationContext observation = bootObservation(request);
		Span boot = (observation != null) ? currentServerSpan() : null;
		SpanContext caller = (this.settings.parent() == A2aParentPolicy.NEW_TRACE_WITH_LINK) ? caller(request, boot)
				: null;
		Context parent = (boot != null) ? Context.current().with(boot) : ownParent(request);
		String conversationId = a2a.contextId();
		if (conversationId == null) {
			String inherited = this.spans.inheritedConversationId(parent);
			conversationId = this.settings.conversationIdFromBaggage() ? A2aValues.checked(inherited) : null;
			if (inherited != null && !inherited.equals(conversationId)) {
				parent = withoutBaggageConversationId(parent);
			}
		}
		boolean agentRun = a2a.sendsMessage();
		boolean agentIsServerSpan = agentRun && this.settings.layout() == A2aLayout.AGENT;
		String userId = userId(request);
		// Boot's server span without a user id is a described run or method span itself: no
		// operation of its own, the request's A2A (and network) attributes and link written alone
		DescribedOperation described = (boot != null && userId == null) ? described(a2a, agentIsServerSpan) : null;
		@Nullable AgentInvocation agentOperation = ((described != null && agentIsServerSpan) || !agentRun) ? null
				: agentOperation(userId, a2a, agentIsServerSpan, agentIsServerSpan ? caller : null);
		// the request's server span: the agent run itself, or the A2A method's span
		GenAiOperation serverOperation;
		if (described != null) {
			serverOperation = described.operation();
		}
		else if (agentIsServerSpan) {
			serverOperation = agentOperation;
		}
		else {
			AgentInvocation agent = (userId == null) ? this.agentOfRequests : agentOperationBuilder(userId).build();
			serverOperation = A2aServerSpan.operation(agent, a2a, request, caller);
		}
		String name = (a2a.method() != null) ? serverOperation.spanName() : null;
		A2aSpan server;
		if (boot != null) {
			if (name != null && !A2aServerObservationHandler.name(observation, boot, name)) {
				// a span Micrometer's handler made: named again from the observation at its end
				A2aServerSpanNaming.name(observation, name);
				boot.updateName(name);
			}
			SpanHandle handle;
			if (described != null) {
				AttributeSink sink = AttributeSink.of(boot);
				a2a.writeAttributes(sink);
				if (!agentIsServerSpan) {
					A2aServerSpan.writeAddresses(request, sink);
				}
				if (caller != null) {
					boot.addLink(caller);
				}
				handle = this.spans.adopt(boot, described, serverOperation, conversationId, parent);
			}
			else {
				handle = this.spans.adopt(boot, serverOperation, conversationId, parent);
			}
			server = A2aSpan.of(handle, this.spans);
		}
		else {
			server = A2aSpan.of(this.spans.start(serverOperation, conversationId, parent), this.spans);
		}
		A2aSpan agentChild = null;
		try {
			if (agentRun && !agentIsServerSpan) {
				agentChild = A2aSpan.of(this.spans.start(agentOperation, conversationId, server.context()), this.spans);
			}
			A2aSpan agentSpan = (agentChild != null) ? agentChild : (agentIsServerSpan ? server : null);
			if (agentSpan != null && this.contentPolicy.isEnabled()) {
				agentSpan.recordInput(FailSafe.get("content capture", () -> this.contentPolicy.capture(a2a.userText())));
			}
			ResponseObserver observer = new ResponseObserver(this.settings.maxResponseSize(),
					this.contentPolicy.isEnabled() ? this.contentPolicy.maxLength() : 0, start, this.bufferedBytes);
			Context context = (agentSpan != null) ? agentSpan.context() : server.context();
			context = GenAiContext.withTaskId(context, a2a.taskId());
			A2aSpan primary = server;
			A2aSpan secondary = agentChild;
			if (conversationId == null) {
				context = GenAiContext.withConversationSlot(context, (assigned) -> {
					safely(() -> primary.recordConversationId(assigned));
					if (secondary != null) {
						safely(() -> secondary.recordConversationId(assigned));
					}
				});
			}
			return new Traced(server, agentChild, context, replaying, new ObservingResponse(response, observer),
					observer, response, held, a2a.taskId(), conversationId, a2a.method());
		}
		catch (Throwable ex) {
			// every span that starts ends
			if (agentChild != null) {
				agentChild.end();
			}
			server.end();
			throw ex;
		}
	}

	/**
	 * The described operation of a request's server span: the agent run, or the span
	 * named after the request's method; {@code null} when there is none.
	 */
	private @Nullable DescribedOperation described(A2aRequest a2a, boolean agentIsServerSpan) {
		if (agentIsServerSpan) {
			return this.serverAgentRun;
		}
		A2aMethod method = a2a.method();
		return (method != null) ? this.requestSpans[method.ordinal()] : null;
	}

	private AgentInvocation agentOperation(@Nullable String userId, A2aRequest a2a, boolean serverSpan,
			@Nullable SpanContext link) {
		AgentInvocation.Builder operation = agentOperationBuilder(userId);
		if (serverSpan) {
			operation.spanKind(SpanKind.SERVER);
		}
		// the server span carries the request's A2A attributes; an agent child only the task
		a2a.describe(operation);
		if (link != null) {
			operation.link(link);
		}
		return operation.build();
	}

	private AgentInvocation.Builder agentOperationBuilder(@Nullable String userId) {
		return GenAiOperation.agent(this.agent.name())
			.providerName(this.agent.providerName())
			.agentDescription(this.agent.description())
			.agentVersion(this.agent.version())
			.userId(userId);
	}

	/**
	 * Returns Spring Boot's observation of this request, when its observation filter
	 * started one.
	 */
	private @Nullable ServerRequestObservationContext bootObservation(HttpServletRequest request) {
		return this.observationsOnClassPath ? ServerHttpObservationFilter.findObservationContext(request).orElse(null)
				: null;
	}

	/**
	 * Returns the current span as Spring Boot's HTTP server span of the request under its
	 * observation, when it is a local span.
	 */
	private static @Nullable Span currentServerSpan() {
		Span current = Span.current();
		SpanContext context = current.getSpanContext();
		return (context.isValid() && !context.isRemote()) ? current : null;
	}

	/**
	 * The caller's span context, to link to: kept by {@link A2aCallerContextFilter} when it
	 * hid it from Spring Boot's observation, else read from the headers.
	 */
	private @Nullable SpanContext caller(HttpServletRequest request, @Nullable Span boot) {
		SpanContext caller = A2aCallerContextFilter.caller(request);
		if (caller == null && boot == null) {
			caller = Span.fromContext(extract(request)).getSpanContext();
		}
		return (caller != null && caller.isValid()) ? caller : null;
	}

	/**
	 * The parent of a server span of this filter's own (no HTTP server span around it).
	 */
	private Context ownParent(HttpServletRequest request) {
		if (this.settings.parent() != A2aParentPolicy.CONTINUE) {
			return Context.root().with(io.opentelemetry.api.baggage.Baggage.fromContext(extract(request)));
		}
		return Span.current().getSpanContext().isValid() ? Context.current() : extract(request);
	}

	private Context withoutBaggageConversationId(Context context) {
		String key = this.settings.conversationIdBaggageKey();
		if (key == null) {
			return context;
		}
		io.opentelemetry.api.baggage.Baggage baggage = io.opentelemetry.api.baggage.Baggage.fromContext(context);
		return baggage.toBuilder().remove(key).build().storeInContext(context);
	}

	private @Nullable String userId(HttpServletRequest request) {
		if (this.settings.userId() != A2aUserIdSource.PRINCIPAL) {
			return null;
		}
		java.security.Principal principal = request.getUserPrincipal();
		return (principal != null && principal.getName() != null && !principal.getName().isEmpty())
				? principal.getName() : null;
	}

	private Context extract(HttpServletRequest request) {
		return this.openTelemetry.getPropagators()
			.getTextMapPropagator()
			.extract(Context.current(), request, ServletRequestHeaders.GETTER);
	}

	private void end(Traced traced) {
		if (traced.server().isEnded()) {
			return;
		}
		try {
			String conversationId = (traced.conversationId() != null) ? traced.conversationId()
					: GenAiContext.assignedConversationId(traced.context());
			A2aSpanOutcome outcome = A2aSpanOutcome.of(traced.observer(), traced.originalResponse().getStatus(),
					this.contentPolicy, traced.taskId(), conversationId, traced.method());
			if (traced.agent() != null) {
				safely(() -> outcome.recordOn(traced.agent()));
			}
			outcome.recordOn(traced.server());
		}
		finally {
			if (traced.agent() != null) {
				safely(() -> traced.agent().end());
			}
			safely(() -> traced.server().end());
			release(traced);
		}
	}

	private void release(Traced traced) {
		long observerPeak = traced.observer().release();
		if (traced.released().compareAndSet(false, true)) {
			this.bufferedBytes.add(-traced.requestBytes());
			this.bufferedBytes.requestEnded(traced.requestBytes() + observerPeak);
		}
	}

	private static void safely(Runnable action) {
		try {
			action.run();
		}
		catch (Throwable ex) {
			FailSafe.failed(A2aTracingFilter.class, ex);
		}
	}

	/**
	 * Settings of the filter.
	 *
	 * @param paths path patterns of A2A JSON-RPC endpoints
	 * @param excludes path patterns never traced
	 * @param maxBodySize largest request body read, in bytes
	 * @param maxResponseSize largest plain response copy, and largest streamed event, in
	 * bytes
	 * @param parent where the span's parent comes from
	 * @param layout which spans a request makes
	 * @param userId where the user id comes from
	 * @param conversationIdFromBaggage whether a request without a {@code contextId}
	 * takes its conversation id from the inbound baggage (checked: printable, at most 256
	 * characters)
	 * @param conversationIdBaggageKey the baggage key of the conversation id, or
	 * {@code null}
	 */
	public record Settings(List<String> paths, List<String> excludes, long maxBodySize, int maxResponseSize,
			A2aParentPolicy parent, A2aLayout layout, A2aUserIdSource userId, boolean conversationIdFromBaggage,
			@Nullable String conversationIdBaggageKey) {

		/**
		 * Settings that take the conversation id from the inbound baggage.
		 * @param paths path patterns of A2A JSON-RPC endpoints
		 * @param excludes path patterns never traced
		 * @param maxBodySize largest request body read, in bytes
		 * @param maxResponseSize largest plain response copy, and largest streamed event,
		 * in bytes
		 * @param parent where the span's parent comes from
		 * @param layout which spans a request makes
		 * @param userId where the user id comes from
		 */
		public Settings(List<String> paths, List<String> excludes, long maxBodySize, int maxResponseSize,
				A2aParentPolicy parent, A2aLayout layout, A2aUserIdSource userId) {
			this(paths, excludes, maxBodySize, maxResponseSize, parent, layout, userId, true, null);
		}

		/**
		 * Settings with the {@link A2aLayout#AGENT} layout and no user id.
		 * @param paths path patterns of A2A JSON-RPC endpoints
		 * @param excludes path patterns never traced
		 * @param maxBodySize largest request body read, in bytes
		 * @param maxResponseSize largest plain response copy, and largest streamed event,
		 * in bytes
		 * @param parent where the span's parent comes from
		 */
		public Settings(List<String> paths, List<String> excludes, long maxBodySize, int maxResponseSize,
				A2aParentPolicy parent) {
			this(paths, excludes, maxBodySize, maxResponseSize, parent, A2aLayout.AGENT, A2aUserIdSource.NONE);
		}

	}

	private record Traced(A2aSpan server, @Nullable A2aSpan agent, Context context, HttpServletRequest request,
			ObservingResponse response, ResponseObserver observer, HttpServletResponse originalResponse,
			long requestBytes, @Nullable String taskId, @Nullable String conversationId, @Nullable A2aMethod method,
			AtomicBoolean released) {

		Traced(A2aSpan server, @Nullable A2aSpan agent, Context context, HttpServletRequest request,
				ObservingResponse response, ResponseObserver observer, HttpServletResponse originalResponse,
				long requestBytes, @Nullable String taskId, @Nullable String conversationId,
				@Nullable A2aMethod method) {
			this(server, agent, context, request, response, observer, originalResponse, requestBytes, taskId,
					conversationId, method, new AtomicBoolean());
		}

		void recordError(String errorType, @Nullable String description) {
			if (this.agent != null) {
				safely(() -> this.agent.recordError(errorType, description));
			}
			this.server.recordError(errorType, description);
		}

	}

	private final class EndOnAsyncEnd implements AsyncListener {

		private final Traced traced;

		EndOnAsyncEnd(Traced traced) {
			this.traced = traced;
		}

		@Override
		public void onComplete(AsyncEvent event) {
			safely(() -> end(this.traced));
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			safely(() -> this.traced.recordError("timeout", null));
			safely(() -> end(this.traced));
		}

		@Override
		public void onError(AsyncEvent event) {
			Throwable error = event.getThrowable();
			if (error != null) {
				safely(() -> this.traced.recordError(error.getClass().getName(), error.getMessage()));
			}
			safely(() -> end(this.traced));
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			event.getAsyncContext().addListener(this);
		}

	}

}
