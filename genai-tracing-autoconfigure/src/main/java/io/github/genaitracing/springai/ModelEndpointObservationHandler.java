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

package io.github.genaitracing.springai;

import java.net.URI;
import java.util.Locale;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationView;
import io.micrometer.observation.transport.SenderContext;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.core.FailSafe;
import io.github.genaitracing.core.SpanHandle;
import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.spi.ModelCall;

/**
 * Records on a model call's span the server its HTTP request actually went to: the
 * observed HTTP client requests (OkHttp as used by Spring AI's OpenAI and Anthropic
 * clients, Spring's {@code RestClient} and {@code WebClient} as used by most other
 * providers) made inside a Spring AI chat or embedding observation give their host and
 * port, whatever the provider and however its client was built.
 * <p>
 * The endpoint is read from the HTTP observation's key values, in this order:
 * {@code server.address}/{@code server.port}, {@code target.host}/{@code target.port}
 * (Micrometer's OkHttp and Apache HttpClient conventions), then the URL in
 * {@code http.url} or {@code url.full} (Spring's HTTP client conventions).
 *
 * @since 0.1.0
 */
public final class ModelEndpointObservationHandler implements ObservationHandler<Observation.Context> {

	// the key names of HTTP client observations (Micrometer's and Spring's conventions), read only
	private static final String TARGET_HOST = "target.host";

	private static final String TARGET_PORT = "target.port";

	private static final String TARGET_SCHEME = "target.scheme";

	private static final String URL_SCHEME = "url.scheme";

	private static final String HTTP_URL = "http.url";

	private static final String URL_FULL = "url.full";

	/** How far up the observation tree a model call is looked for. */
	private static final int MAX_DEPTH = 16;

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof SenderContext<?>;
	}

	@Override
	public void onStart(Observation.Context context) {
		record(context);
	}

	@Override
	public void onStop(Observation.Context context) {
		record(context);
	}

	private void record(Observation.Context context) {
		try {
			SpanHandle span = modelCall(context);
			if (span == null) {
				return;
			}
			Endpoint endpoint = endpoint(context);
			if (endpoint != null) {
				span.recordServer(endpoint.host(), endpoint.port());
			}
		}
		catch (Throwable ex) {
			FailSafe.failed(this, ex);
		}
	}

	/**
	 * The span of the nearest enclosing GenAI observation, when it is a model call (an
	 * HTTP request made by a tool inside an agent is not the model's).
	 */
	private static @Nullable SpanHandle modelCall(Observation.Context context) {
		ObservationView parent = context.getParentObservation();
		for (int depth = 0; parent != null && depth < MAX_DEPTH; depth++) {
			Observation.ContextView view = parent.getContextView();
			SpanHandle span = view.get(SpanHandle.class);
			if (span != null) {
				return (span.operation() instanceof ModelCall) ? span : null;
			}
			parent = view.getParentObservation();
		}
		return null;
	}

	static @Nullable Endpoint endpoint(Observation.ContextView context) {
		String host = value(context, GenAiAttributes.SERVER_ADDRESS.getKey());
		if (host != null) {
			return new Endpoint(host,
					port(value(context, GenAiAttributes.SERVER_PORT.getKey()), value(context, URL_SCHEME)));
		}
		host = value(context, TARGET_HOST);
		if (host != null) {
			return new Endpoint(host, port(value(context, TARGET_PORT), value(context, TARGET_SCHEME)));
		}
		String url = value(context, HTTP_URL);
		if (url == null) {
			url = value(context, URL_FULL);
		}
		return (url != null) ? fromUrl(url) : null;
	}

	private static @Nullable Endpoint fromUrl(String url) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (uri.getHost() == null) {
			return null;
		}
		return new Endpoint(uri.getHost(),
				(uri.getPort() >= 0) ? Long.valueOf(uri.getPort()) : defaultPort(uri.getScheme()));
	}

	private static @Nullable Long port(@Nullable String port, @Nullable String scheme) {
		if (port != null) {
			try {
				return Long.parseLong(port);
			}
			catch (NumberFormatException ex) {
				// not a port number: fall back on the scheme's
			}
		}
		return defaultPort(scheme);
	}

	private static @Nullable Long defaultPort(@Nullable String scheme) {
		if (scheme == null) {
			return null;
		}
		return switch (scheme.toLowerCase(Locale.ROOT)) {
			case "http" -> 80L;
			case "https" -> 443L;
			default -> null;
		};
	}

	private static @Nullable String value(Observation.ContextView context, String key) {
		KeyValue value = context.getLowCardinalityKeyValue(key);
		if (value == null) {
			value = context.getHighCardinalityKeyValue(key);
		}
		if (value == null) {
			return null;
		}
		String text = value.getValue();
		return (text.isEmpty() || KeyValue.NONE_VALUE.equals(text) || "UNKNOWN".equals(text)) ? null : text;
	}

	record Endpoint(String host, @Nullable Long port) {
	}

}
