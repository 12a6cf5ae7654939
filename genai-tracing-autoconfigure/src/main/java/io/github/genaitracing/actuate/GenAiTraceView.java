package io.github.genaitracing.actuate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.HtmlUtils;

/**
 * The local trace view: one HTML page, served at a configurable path, that lists the
 * recent GenAI traces of the {@link GenAiTracingEndpoint actuator endpoint} and renders one
 * as a tree. The page reads the endpoint from the same origin and writes every value as
 * text, never as markup.
 *
 * @since 0.1.0
 */
public final class GenAiTraceView {

	private static final String PAGE = "META-INF/genai-tracing/trace-view.html";

	private final String path;

	private final Supplier<String> endpointPath;

	private final String template;

	/**
	 * Creates the view.
	 * @param path the path of the page, such as {@code /genai-tracing}
	 * @param endpointPath the path of the endpoint below the context path, such as
	 * {@code /actuator/genaitracing}
	 */
	public GenAiTraceView(String path, Supplier<String> endpointPath) {
		this.path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		this.endpointPath = endpointPath;
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
			.build();
	}

	private ServerResponse page(ServerRequest request) {
		String endpoint = request.servletRequest().getContextPath() + this.endpointPath.get();
		String html = this.template.replace("__ENDPOINT__", HtmlUtils.htmlEscape(endpoint));
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
