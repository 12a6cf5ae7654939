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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One trace as the view shows it: this application's GenAI spans of the trace merged with
 * the peers' spans of the same trace. A peer's root span is placed under the span that
 * called it, found through the parent links of every process (the HTTP client span of
 * this application between its A2A call span and the remote agent's server span, for
 * example). Each span is labelled with the service that made it.
 *
 * @since 0.1.0
 */
public final class MergedTraces {

	private final RecentGenAiTraces traces;

	private final @Nullable TracePeers peers;

	private final String localService;

	/**
	 * Creates the merger.
	 * @param traces this application's recent traces
	 * @param peers the peers, or {@code null} for none
	 * @param localService the name shown for this application's spans that carry no
	 * {@code service.name}
	 */
	public MergedTraces(RecentGenAiTraces traces, @Nullable TracePeers peers, String localService) {
		this.traces = traces;
		this.peers = peers;
		this.localService = localService;
	}

	/**
	 * Returns one trace with the peers' spans.
	 * @param traceId the trace id, 32 lower-case hex digits
	 * @return the trace, or {@code null} when neither this application nor a peer keeps it
	 */
	public @Nullable Merged trace(String traceId) {
		RecentGenAiTraces.Trace local = this.traces.trace(traceId);
		List<TracePeers.Answer> answers = (this.peers != null) ? this.peers.fetch(traceId) : List.of();
		Map<String, RecordedSpan> spans = new LinkedHashMap<>();
		Map<String, String> links = new HashMap<>();
		String service = this.localService;
		if (local != null) {
			for (RecordedSpan span : local.spans()) {
				if (span.service() != null) {
					service = span.service();
					break;
				}
			}
			local.spans().forEach((span) -> spans.putIfAbsent(span.spanId(), labelled(span, this.localService)));
			links.putAll(local.links());
		}
		List<PeerStatus> statuses = new ArrayList<>(answers.size());
		for (TracePeers.Answer answer : answers) {
			int added = 0;
			String fallback = (answer.service() != null) ? answer.service() : answer.endpoint();
			for (RecordedSpan span : answer.spans()) {
				if (spans.putIfAbsent(span.spanId(), labelled(span, fallback)) == null) {
					added++;
				}
			}
			answer.links().forEach(links::putIfAbsent);
			statuses.add(new PeerStatus(answer.endpoint(), answer.service(), answer.status(), answer.message(),
					added));
		}
		if (spans.isEmpty()) {
			return null;
		}
		return new Merged(traceId, service, local != null, place(spans, links), statuses);
	}

	private static RecordedSpan labelled(RecordedSpan span, String service) {
		if (span.service() != null) {
			return span;
		}
		return new RecordedSpan(span.traceId(), span.spanId(), span.parentSpanId(), span.remoteParentSpanId(),
				span.name(), span.kind(), span.startEpochMicros(), span.durationMicros(), span.status(),
				span.statusDescription(), service, span.attributes());
	}

	private static List<RecordedSpan> place(Map<String, RecordedSpan> spans, Map<String, String> links) {
		Set<String> ids = new HashSet<>(spans.keySet());
		List<RecordedSpan> placed = new ArrayList<>(spans.size());
		for (RecordedSpan span : spans.values()) {
			String parent = span.parentSpanId();
			if (parent != null && ids.contains(parent)) {
				placed.add(span);
				continue;
			}
			String remote = (parent != null) ? parent : span.remoteParentSpanId();
			int hops = 0;
			while (remote != null && !ids.contains(remote) && hops++ <= links.size()) {
				remote = links.get(remote);
			}
			boolean found = remote != null && ids.contains(remote) && !remote.equals(span.spanId());
			placed.add(span.withParent(found ? remote : null, span.remoteParentSpanId()));
		}
		placed.sort(Comparator.comparingLong(RecordedSpan::startEpochMicros));
		return placed;
	}

	/**
	 * A trace merged from this application and its peers.
	 *
	 * @param traceId the trace id
	 * @param service the service name of this application
	 * @param local whether this application keeps spans of it
	 * @param spans the spans, in start order, each with its nearest GenAI ancestor among
	 * all of them as parent and its service
	 * @param peers how reading each peer went
	 */
	public record Merged(String traceId, String service, boolean local, List<RecordedSpan> spans, List<PeerStatus> peers) {
	}

	/**
	 * How reading one peer went.
	 *
	 * @param endpoint the endpoint URL read
	 * @param service the peer's service name, when it answered with spans
	 * @param status the outcome
	 * @param message what went wrong, if anything
	 * @param spans how many of its spans were merged
	 */
	public record PeerStatus(String endpoint, @Nullable String service, TracePeers.Status status,
			@Nullable String message, int spans) {
	}

}
