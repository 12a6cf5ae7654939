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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The base URLs ({@code scheme://host:port}) of the remote A2A agents this application
 * called, most recently called last; at most {@code maxAgents}, the least recently called
 * leaves first. The trace view fetches their spans of a trace from their
 * {@code genaitracing} endpoints.
 *
 * @since 0.1.0
 */
public final class A2aCalledAgents {

	private final int maxAgents;

	private final Map<String, Boolean> bases;

	/**
	 * Creates an empty set.
	 * @param maxAgents the most base URLs kept
	 */
	public A2aCalledAgents(int maxAgents) {
		this.maxAgents = Math.max(0, maxAgents);
		this.bases = new LinkedHashMap<>(16, 0.75f, true);
	}

	/**
	 * Remembers the base URL of a called URL; only {@code http} and {@code https} URLs with
	 * a host count.
	 * @param uri the URL called
	 */
	public void called(URI uri) {
		String scheme = uri.getScheme();
		if (scheme == null || uri.getHost() == null || this.maxAgents == 0) {
			return;
		}
		scheme = scheme.toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return;
		}
		String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]"
				: uri.getHost();
		String base = scheme + "://" + host + ((uri.getPort() >= 0) ? ":" + uri.getPort() : "");
		synchronized (this.bases) {
			this.bases.put(base, Boolean.TRUE);
			while (this.bases.size() > this.maxAgents) {
				this.bases.remove(this.bases.keySet().iterator().next());
			}
		}
	}

	/**
	 * Returns the base URLs called, least recently called first.
	 * @return the base URLs
	 */
	public List<String> bases() {
		synchronized (this.bases) {
			return new ArrayList<>(this.bases.keySet());
		}
	}

}
