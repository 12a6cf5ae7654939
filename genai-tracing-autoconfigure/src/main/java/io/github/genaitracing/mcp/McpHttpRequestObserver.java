package io.github.genaitracing.mcp;

import java.net.URI;
import java.net.http.HttpRequest;

import io.modelcontextprotocol.client.transport.customizer.McpSyncHttpClientRequestCustomizer;
import io.modelcontextprotocol.common.McpTransportContext;
import org.jspecify.annotations.Nullable;

/**
 * Tells the span of a traced MCP request which server it goes to and in which session, as
 * the SDK's HTTP client transports build the HTTP request; changes nothing in the request.
 *
 * @since 0.1.0
 */
public final class McpHttpRequestObserver implements McpSyncHttpClientRequestCustomizer {

	private static final String SESSION_HEADER = "Mcp-Session-Id";

	@Override
	public void customize(HttpRequest.Builder builder, String method, URI endpoint, @Nullable String body,
			@Nullable McpTransportContext context) {
		if (context == null) {
			return;
		}
		McpSpans.safely(() -> {
			if (!(context.get(TracingMcpClientTransport.CALL_KEY) instanceof McpCall call)) {
				return;
			}
			int port = endpoint.getPort();
			if (port < 0) {
				port = "https".equalsIgnoreCase(endpoint.getScheme()) ? 443 : 80;
			}
			call.server(endpoint.getHost(), port);
			call.sessionId(McpMessage.bounded(builder.copy().build().headers().firstValue(SESSION_HEADER).orElse(null),
					McpMessage.MAX_VALUE_LENGTH));
		});
	}

}
