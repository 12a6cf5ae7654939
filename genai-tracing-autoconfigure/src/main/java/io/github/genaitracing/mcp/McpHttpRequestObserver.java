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
