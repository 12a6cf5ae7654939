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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.HtmlUtils;

/**
 * The local trace view: one HTML page, served at a configurable path, that lists the
 * recent GenAI traces of the {@link GenAiTracingEndpoint actuator endpoint} and renders one
 * as a timeline and a conversation; and, at {@code {path}/traces/{traceId}}, the trace as
 * JSON merged with the spans of the peers ({@link MergedTraces}). The page reads both from
 * the same origin and writes every value as text, never as markup.
 *
 * @since 0.1.0
 */
public final class GenAiTraceView {

	private static final String PAGE = "META-INF/genai-tracing/trace-view.html";

	private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

	private final String path;

	private final Supplier<String> endpointPath;

	private final MergedTraces merged;

	private final String template;

	/**
	 * Creates the view.
	 * @param path the path of the page, such as {@code /genai-tracing}
	 * @param endpointPath the path of the endpoint below the context path, such as
	 * {@code /actuator/genaitracing}
	 * @param merged the traces merged with the peers' spans
	 */
	public GenAiTraceView(String path, Supplier<String> endpointPath, MergedTraces merged) {
		this.path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		this.endpointPath = endpointPath;
		this.merged = merged;
		this.template = read();
	}

	/**
	 * Returns the routes that serve the page, at the path with and without a trailing
	 * slash.
	 * @return the routes
	 */
	public RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route()
			.GET(this.path, this::page)
			.GET(this.path + "/", this::page)
			.GET(this.path + "/traces/{traceId}", this::trace)
			.build();
	}

	private ServerResponse trace(ServerRequest request) {
		String traceId = request.pathVariable("traceId");
		if (!TRACE_ID.matcher(traceId).matches()) {
			return ServerResponse.badRequest()
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("message", "not a trace id (32 lower-case hex digits)"));
		}
		MergedTraces.Merged trace = this.merged.trace(traceId);
		if (trace == null) {
			return ServerResponse.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.APPLICATION_JSON)
				.header("Cache-Control", "no-store")
				.body(Map.of("message", "no kept spans of this trace, here or at a peer"));
		}
		return ServerResponse.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header("Cache-Control", "no-store")
			.body(trace);
	}

	private ServerResponse page(ServerRequest request) {
		String context = request.servletRequest().getContextPath();
		String endpoint = context + this.endpointPath.get();
		String html = this.template.replace("__ENDPOINT__", HtmlUtils.htmlEscape(endpoint))
			.replace("__TRACES__", HtmlUtils.htmlEscape(context + this.path + "/traces"));
		return ServerResponse.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header("Cache-Control", "no-store")
			.header("Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline'; "
					+ "style-src 'unsafe-inline'; connect-src 'self'")
			.body(html);
	}

	private static String read() {
		try (InputStream in = new ClassPathResource(PAGE, GenAiTraceView.class.getClassLoader()).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
