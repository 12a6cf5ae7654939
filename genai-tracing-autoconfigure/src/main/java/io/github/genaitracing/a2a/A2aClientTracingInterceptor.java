package io.github.genaitracing.a2a;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.propagation.TextMapSetter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.semconv.A2aAttributes;
import io.github.genaitracing.span.GenAiOperation;
import io.github.genaitracing.span.GenAiSpan;
import io.github.genaitracing.span.GenAiSpans;

/**
 * Traces calls to remote A2A agents made with Spring's {@code RestClient}: an A2A
 * JSON-RPC request (a POST whose JSON body names an A2A method) gets an
 * {@code invoke_agent {remote agent}} CLIENT span, carries that span's
 * {@code traceparent} and the baggage of the current context (the conversation id), and
 * the span ends when the response body has been read to its end or closed — also for a
 * server-sent event stream, which passes through unbuffered. Other requests pass through
 * untouched. Nothing of its own is ever thrown to the caller.
 *
 * @since 0.1.0
 */
public final class A2aClientTracingInterceptor implements ClientHttpRequestInterceptor {

	private static final Log logger = LogFactory.getLog(A2aClientTracingInterceptor.class);

	private static final String VERSION_HEADER = "A2A-Version";

	private static final TextMapSetter<HttpHeaders> HEADERS = (carrier, key, value) -> {
		if (carrier != null) {
			carrier.set(key, value);
		}
	};

	private final GenAiSpans spans;

	private final ContentPolicy contentPolicy;

	private final OpenTelemetry openTelemetry;

	private final Settings settings;

	/**
	 * Creates the interceptor.
	 * @param spans the span writer
	 * @param contentPolicy the content policy
	 * @param openTelemetry the OpenTelemetry instance, for propagation
	 * @param settings the settings
	 */
	public A2aClientTracingInterceptor(GenAiSpans spans, ContentPolicy contentPolicy, OpenTelemetry openTelemetry,
			Settings settings) {
		this.spans = spans;
		this.contentPolicy = contentPolicy;
		this.openTelemetry = openTelemetry;
		this.settings = settings;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		GenAiSpan span = start(request, body);
		if (span == null) {
			return execution.execute(request, body);
		}
		ClientHttpResponse response;
		try {
			response = execution.execute(request, body);
		}
		catch (IOException | RuntimeException | Error ex) {
			safely(() -> span.recordError(ex));
			safely(span::end);
			throw ex;
		}
		try {
			return new TracedResponse(response, span, new ResponseObserver(this.settings.maxResponseSize(),
					this.contentPolicy.isEnabled() ? this.contentPolicy.maxLength() : 0, System.nanoTime()));
		}
		catch (RuntimeException ex) {
			safely(span::end);
			return response;
		}
	}

	private @Nullable GenAiSpan start(HttpRequest request, byte[] body) {
		try {
			if (!HttpMethod.POST.equals(request.getMethod()) || body.length == 0
					|| body.length > this.settings.maxBodySize()) {
				return null;
			}
			A2aRequest a2a = A2aRequest.parse(body, body.length, request.getHeaders().getFirst(VERSION_HEADER),
					this.contentPolicy.isEnabled() ? this.contentPolicy.maxLength() : 0);
			if (a2a.notParsed() != null || a2a.method() == null) {
				return null;
			}
			URI uri = request.getURI();
			GenAiOperation operation = GenAiOperation.agent(agentName(uri))
				.spanKind(SpanKind.CLIENT)
				.conversationId(a2a.contextId())
				.server(uri.getHost(), (long) port(uri))
				.protocolAttribute(A2aAttributes.METHOD_NAME, a2a.method().logicalName())
				.protocolAttribute(A2aAttributes.MESSAGE_ID, a2a.messageId())
				.protocolAttribute(A2aAttributes.TASK_ID, a2a.taskId())
				.protocolAttribute(A2aAttributes.PROTOCOL_VERSION, a2a.protocolVersion())
				.protocolAttribute(A2aAttributes.JSONRPC_REQUEST_ID, a2a.jsonRpcId())
				.build();
			GenAiSpan span = this.spans.start(operation);
			span.recordInput(this.contentPolicy.capture(a2a.userText()));
			this.openTelemetry.getPropagators().getTextMapPropagator().inject(span.context(), request.getHeaders(),
					HEADERS);
			return span;
		}
		catch (RuntimeException ex) {
			logger.debug("A2A call not traced", ex);
			return null;
		}
	}

	private String agentName(URI uri) {
		String url = uri.toString();
		String best = null;
		String name = null;
		for (Map.Entry<String, String> entry : this.settings.agentNames().entrySet()) {
			if (url.startsWith(entry.getKey()) && (best == null || entry.getKey().length() > best.length())) {
				best = entry.getKey();
				name = entry.getValue();
			}
		}
		return (name != null) ? name : uri.getHost() + ":" + port(uri);
	}

	private static int port(URI uri) {
		if (uri.getPort() >= 0) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	private static void safely(Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			logger.debug("A2A client tracing step failed", ex);
		}
	}

	/**
	 * Settings of the interceptor.
	 *
	 * @param agentNames remote agent names by URL prefix
	 * @param maxBodySize largest request body parsed, in bytes
	 * @param maxResponseSize largest plain response copy, and largest streamed event, in
	 * bytes
	 */
	public record Settings(Map<String, String> agentNames, long maxBodySize, int maxResponseSize) {
	}

	/**
	 * The response as the caller sees it: the same status, headers and bytes; the span
	 * ends at the end of the body or when the response is closed.
	 */
	private final class TracedResponse implements ClientHttpResponse {

		private final ClientHttpResponse delegate;

		private final GenAiSpan span;

		private final ResponseObserver observer;

		private @Nullable InputStream body;

		TracedResponse(ClientHttpResponse delegate, GenAiSpan span, ResponseObserver observer) {
			this.delegate = delegate;
			this.span = span;
			this.observer = observer;
		}

		@Override
		public HttpStatusCode getStatusCode() throws IOException {
			return this.delegate.getStatusCode();
		}

		@Override
		public String getStatusText() throws IOException {
			return this.delegate.getStatusText();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.delegate.getHeaders();
		}

		@Override
		public InputStream getBody() throws IOException {
			if (this.body == null) {
				this.body = new ObservedBody(this.delegate.getBody());
			}
			return this.body;
		}

		@Override
		public void close() {
			try {
				this.delegate.close();
			}
			finally {
				end(null);
			}
		}

		void end(@Nullable Throwable error) {
			if (this.span.isEnded()) {
				return;
			}
			safely(() -> {
				if (error != null) {
					this.span.recordError(error);
				}
				int status;
				try {
					status = this.delegate.getStatusCode().value();
				}
				catch (IOException | RuntimeException ex) {
					status = 0;
				}
				A2aSpanOutcome.record(this.span, this.observer, status, A2aClientTracingInterceptor.this.contentPolicy);
			});
			safely(this.span::end);
		}

		private void observe(byte[] bytes, int offset, int length) {
			try {
				this.observer.onBytes(this.delegate.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE), bytes, offset,
						length);
			}
			catch (RuntimeException ex) {
				// observing must never break the response
			}
		}

		private final class ObservedBody extends InputStream {

			private final InputStream in;

			ObservedBody(InputStream in) {
				this.in = in;
			}

			@Override
			public int read() throws IOException {
				int b;
				try {
					b = this.in.read();
				}
				catch (IOException ex) {
					end(ex);
					throw ex;
				}
				if (b < 0) {
					end(null);
				}
				else {
					observe(new byte[] { (byte) b }, 0, 1);
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int read;
				try {
					read = this.in.read(buffer, offset, length);
				}
				catch (IOException ex) {
					end(ex);
					throw ex;
				}
				if (read < 0) {
					end(null);
				}
				else if (read > 0) {
					observe(buffer, offset, read);
				}
				return read;
			}

			@Override
			public int available() throws IOException {
				return this.in.available();
			}

			@Override
			public void close() throws IOException {
				try {
					this.in.close();
				}
				finally {
					end(null);
				}
			}

		}

	}

}
