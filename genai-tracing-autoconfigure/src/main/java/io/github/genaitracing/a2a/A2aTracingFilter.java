package io.github.genaitracing.a2a;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.genaitracing.autoconfigure.A2aLayout;
import io.github.genaitracing.autoconfigure.A2aParentPolicy;
import io.github.genaitracing.autoconfigure.A2aUserIdSource;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.context.GenAiContext;
import io.github.genaitracing.core.AgentDefaults;
import io.github.genaitracing.core.FailSafe;
import io.github.genaitracing.core.SpanHandle;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.semconv.A2aAttributes;
import io.github.genaitracing.spi.AgentInvocation;
import io.github.genaitracing.spi.GenAiOperation;

/**
 * Turns an inbound A2A JSON-RPC request into a root {@code invoke_agent {agent}} span:
 * reads the body once (bounded) and replays the same bytes to the application, passes
 * the response through unchanged while reading it, and ends the span when the request
 * ends, also when it continues asynchronously (server-sent events). Nothing of its own
 * is ever thrown into the request.
 *
 * @since 0.1.0
 */
public final class A2aTracingFilter extends OncePerRequestFilter {

	private static final Log logger = LogFactory.getLog(A2aTracingFilter.class);

	private static final String VERSION_HEADER = "A2A-Version";

	private static final TextMapGetter<HttpServletRequest> HEADERS = new TextMapGetter<>() {

		@Override
		public Iterable<String> keys(HttpServletRequest carrier) {
			return Collections.list(carrier.getHeaderNames());
		}

		@Override
		public @Nullable String get(@Nullable HttpServletRequest carrier, String key) {
			return (carrier != null) ? carrier.getHeader(key) : null;
		}

	};

	private final SpanLifecycle spans;

	private final ContentPolicy contentPolicy;

	private final AgentDefaults agent;

	private final OpenTelemetry openTelemetry;

	private final Settings settings;

	private final AntPathMatcher matcher = new AntPathMatcher();

	private final A2aBufferedBytes bufferedBytes;

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
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod())) {
			return true;
		}
		String contentType = request.getContentType();
		if (contentType != null && !contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) {
			return true;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/.well-known/") || path.startsWith("/actuator")) {
			return true;
		}
		for (String exclude : this.settings.excludes()) {
			if (this.matcher.match(exclude, path)) {
				return true;
			}
		}
		for (String pattern : this.settings.paths()) {
			if (this.matcher.match(pattern, path)) {
				return false;
			}
		}
		return true;
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
		try (Scope scope = traced.span().makeCurrent(traced.context())) {
			chain.doFilter(traced.request(), traced.response());
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			traced.span().fail(ex);
			if (traced.server() != null) {
				traced.server().fail(ex.getClass().getName(), ex.getMessage());
			}
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

	private @Nullable Traced start(HttpServletRequest request, HttpServletResponse response, long start,
			HttpServletRequest[] passOn) {
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
			AgentInvocation.Builder operation = GenAiOperation.agent(this.agent.name())
				.providerName(this.agent.providerName())
				.agentDescription(this.agent.description())
				.agentVersion(this.agent.version())
				.protocolAttribute(A2aAttributes.METHOD_NAME,
						(a2a.method() != null) ? a2a.method().logicalName() : a2a.wireMethod())
				.protocolAttribute(A2aAttributes.MESSAGE_ID, a2a.messageId())
				.protocolAttribute(A2aAttributes.TASK_ID, a2a.taskId())
				.protocolAttribute(A2aAttributes.PROTOCOL_VERSION, a2a.protocolVersion())
				.protocolAttribute(A2aAttributes.JSONRPC_REQUEST_ID, a2a.jsonRpcId())
				.protocolAttribute(A2aAttributes.BODY_NOT_PARSED, a2a.notParsed())
				.userId(userId(request));
			Context parent = parent(request, operation);
			AgentInvocation agentOperation = operation.build();
			SpanHandle server = null;
			if (this.settings.layout() == A2aLayout.SERVER_SPAN) {
				server = this.spans.start(A2aServerSpan.operation(agentOperation, a2a, request), a2a.contextId(),
						parent);
				parent = server.context();
			}
			SpanHandle span = this.spans.start(agentOperation, a2a.contextId(), parent);
			try {
				if (this.contentPolicy.isEnabled()) {
					span.captureInput(() -> this.contentPolicy.capture(a2a.userText()));
				}
				ResponseObserver observer = new ResponseObserver(this.settings.maxResponseSize(),
						this.contentPolicy.isEnabled() ? this.contentPolicy.maxLength() : 0, start, this.bufferedBytes);
				Context context = GenAiContext.withTaskId(span.context(), a2a.taskId());
				Traced traced = new Traced(span, server, context, replaying, new ObservingResponse(response, observer),
						observer, response, held);
				this.bufferedBytes.add(held);
				return traced;
			}
			catch (Throwable ex) {
				// every span that starts ends
				span.end();
				if (server != null) {
					server.end();
				}
				throw ex;
			}
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

	private @Nullable String userId(HttpServletRequest request) {
		if (this.settings.userId() != A2aUserIdSource.PRINCIPAL) {
			return null;
		}
		java.security.Principal principal = request.getUserPrincipal();
		return (principal != null && principal.getName() != null && !principal.getName().isEmpty())
				? principal.getName() : null;
	}

	private Context parent(HttpServletRequest request, AgentInvocation.Builder operation) {
		Context current = Context.current();
		switch (this.settings.parent()) {
			case NEW_TRACE:
			case IGNORE:
				return Context.root();
			case NEW_TRACE_WITH_LINK: {
				Context caller = Span.current().getSpanContext().isValid() ? current : extract(request);
				operation.link(Span.fromContext(caller).getSpanContext());
				return Context.root();
			}
			default:
				return Span.current().getSpanContext().isValid() ? current : extract(request);
		}
	}

	private Context extract(HttpServletRequest request) {
		return this.openTelemetry.getPropagators().getTextMapPropagator().extract(Context.current(), request, HEADERS);
	}

	private void end(Traced traced) {
		SpanHandle span = traced.span();
		if (span.isEnded()) {
			return;
		}
		try {
			endAgentSpan(traced);
		}
		finally {
			SpanHandle server = traced.server();
			if (server != null) {
				server.end();
			}
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

	private void endAgentSpan(Traced traced) {
		SpanHandle span = traced.span();
		try {
			A2aSpanOutcome outcome = A2aSpanOutcome.record(span, traced.observer(),
					traced.originalResponse().getStatus(), this.contentPolicy);
			SpanHandle server = traced.server();
			if (server != null) {
				if (outcome.result() != null) {
					server.setProtocolAttribute(A2aAttributes.TASK_STATE, outcome.result().taskState());
					server.setProtocolAttribute(A2aAttributes.TASK_ID, outcome.newTaskId());
				}
				if (outcome.errorType() != null) {
					server.fail(outcome.errorType(), outcome.errorMessage());
				}
			}
		}
		finally {
			span.end();
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
	 */
	public record Settings(List<String> paths, List<String> excludes, long maxBodySize, int maxResponseSize,
			A2aParentPolicy parent, A2aLayout layout, A2aUserIdSource userId) {

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

	private record Traced(SpanHandle span, @Nullable SpanHandle server, Context context,
			HttpServletRequest request, ObservingResponse response, ResponseObserver observer,
			HttpServletResponse originalResponse, long requestBytes, AtomicBoolean released) {

		Traced(SpanHandle span, @Nullable SpanHandle server, Context context, HttpServletRequest request,
				ObservingResponse response, ResponseObserver observer, HttpServletResponse originalResponse,
				long requestBytes) {
			this(span, server, context, request, response, observer, originalResponse, requestBytes,
					new AtomicBoolean());
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
			this.traced.span().fail("timeout", null);
			if (this.traced.server() != null) {
				this.traced.server().fail("timeout", null);
			}
			safely(() -> end(this.traced));
		}

		@Override
		public void onError(AsyncEvent event) {
			Throwable error = event.getThrowable();
			if (error != null) {
				this.traced.span().fail(error);
				if (this.traced.server() != null) {
					this.traced.server().fail(error.getClass().getName(), error.getMessage());
				}
			}
			safely(() -> end(this.traced));
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			event.getAsyncContext().addListener(this);
		}

	}

}
