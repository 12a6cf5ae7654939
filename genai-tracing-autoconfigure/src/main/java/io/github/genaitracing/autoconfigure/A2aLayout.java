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
 * Which spans an inbound A2A request makes ({@code genai.tracing.a2a.layout}).
 *
 * @since 0.1.0
 */
public enum A2aLayout {

	/** One {@code invoke_agent} INTERNAL span, the root of the request's GenAI tree. */
	AGENT,

	/**
	 * A SERVER span named after the A2A method ({@code SendMessage}…), per the A2A server
	 * conventions, with the {@code invoke_agent} INTERNAL span as its child.
	 */
	SERVER_SPAN

}
