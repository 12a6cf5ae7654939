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

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The names of remote agents learnt from the Agent Cards the application fetched (through
 * a traced client): by each URL the card declares for the agent, and by the origin the
 * card came from when only one agent is known there. Bounded: the least recently learnt
 * entries are forgotten.
 */
final class A2aAgentCards {

	private static final int MAX_ENTRIES = 256;

	private static final String CONFLICT = "";

	private final Map<String, String> byUrl = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
			return size() > MAX_ENTRIES;
		}

	};

	private final Map<String, String> byOrigin = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
			return size() > MAX_ENTRIES;
		}

	};

	/**
	 * Whether a URL is that of an Agent Card ({@code /.well-known/agent-card.json}, or
	 * 0.2's {@code agent.json}).
	 */
	static boolean isAgentCard(URI uri) {
		String path = uri.getPath();
		return path != null && (path.endsWith("/.well-known/agent-card.json") || path.endsWith("/.well-known/agent.json"));
	}

	/**
	 * Learns the agent's name from a card; a body that is not a card is ignored.
	 * @param cardUri where the card was fetched
	 * @param body the card
	 * @param length how many bytes of {@code body} are the card
	 */
	void learn(URI cardUri, byte[] body, int length) {
		JsonNode card = A2aJson.read(body, length);
		if (card == null || !card.isObject()) {
			return;
		}
		String name = A2aValues.checked(A2aJson.text(card, "name"));
		if (name == null) {
			return;
		}
		synchronized (this) {
			put(A2aJson.text(card, "url"), name);
			for (String interfaces : new String[] { "additionalInterfaces", "supportedInterfaces" }) {
				JsonNode list = card.get(interfaces);
				if (list != null && list.isArray()) {
					for (JsonNode entry : list.values()) {
						put(entry.isObject() ? A2aJson.text(entry, "url") : null, name);
					}
				}
			}
			String origin = origin(cardUri);
			if (origin != null) {
				String known = this.byOrigin.get(origin);
				this.byOrigin.put(origin, (known == null || known.equals(name)) ? name : CONFLICT);
			}
		}
	}

	void learn(URI cardUri, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		learn(cardUri, bytes, bytes.length);
	}

	private void put(@Nullable String url, String name) {
		String key = key(url);
		if (key != null) {
			this.byUrl.put(key, name);
		}
	}

	/**
	 * Returns the name of the agent at a URL, if a card told it.
	 * @param uri the URL called
	 * @return the agent's name, or {@code null}
	 */
	synchronized @Nullable String name(URI uri) {
		if (this.byUrl.isEmpty() && this.byOrigin.isEmpty()) {
			return null;
		}
		String name = this.byUrl.get(key(uri.toString()));
		if (name != null) {
			return name;
		}
		String origin = origin(uri);
		name = (origin != null) ? this.byOrigin.get(origin) : null;
		return (name == null || name.equals(CONFLICT)) ? null : name;
	}

	private static @Nullable String key(@Nullable String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		String key = url.strip();
		int query = key.indexOf('?');
		if (query >= 0) {
			key = key.substring(0, query);
		}
		while (key.endsWith("/")) {
			key = key.substring(0, key.length() - 1);
		}
		return key.toLowerCase(Locale.ROOT);
	}

	private static @Nullable String origin(URI uri) {
		if (uri.getHost() == null || uri.getScheme() == null) {
			return null;
		}
		int port = (uri.getPort() >= 0) ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
		return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
	}

}
