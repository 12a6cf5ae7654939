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

package io.github.genaitracing.autoconfigure;

/**
 * Where the span of an inbound A2A request gets its parent
 * ({@code genai.tracing.a2a.parent}).
 *
 * @since 0.1.0
 */
public enum A2aParentPolicy {

	/** A child of the current (HTTP server) span, else of the inbound traceparent. */
	CONTINUE,

	/** A new trace whose root links to the caller's span. */
	NEW_TRACE_WITH_LINK,

	/** A new trace, without a link to the caller. */
	NEW_TRACE,

	/**
	 * A new trace, without a link to the caller.
	 * @deprecated since 0.1.0 for removal: the name hid that a new trace starts; use
	 * {@link #NEW_TRACE}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	IGNORE

}
