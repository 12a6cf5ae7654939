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

package io.github.genaitracing.semconv;

import java.util.List;

import io.opentelemetry.api.common.AttributeKey;

/**
 * Attribute keys of the OpenTelemetry A2A conventions, and genai-tracing's own A2A keys.
 *
 * @since 0.1.0
 */
public final class A2aAttributes {

	// copied from semantic-conventions-genai model/a2a (unreleased, 2026-08)

	/** Logical (1.0) method name, such as {@code SendMessage}. */
	public static final AttributeKey<String> METHOD_NAME = AttributeKey.stringKey("a2a.method.name");

	/** Message id of the request's message. */
	public static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("a2a.message.id");

	/** Task id. */
	public static final AttributeKey<String> TASK_ID = AttributeKey.stringKey("a2a.task.id");

	/** Task state, a {@code TASK_STATE_*} value. */
	public static final AttributeKey<String> TASK_STATE = AttributeKey.stringKey("a2a.task.state");

	/** Tenant. */
	public static final AttributeKey<String> TENANT = AttributeKey.stringKey("a2a.tenant");

	/** Protocol version, such as {@code 0.3} or {@code 1.0}. */
	public static final AttributeKey<String> PROTOCOL_VERSION = AttributeKey.stringKey("a2a.protocol.version");

	/** Task ids the message refers to. */
	public static final AttributeKey<List<String>> MESSAGE_REFERENCE_TASK_IDS = AttributeKey
		.stringArrayKey("a2a.message.reference_task_ids");

	// genai-tracing's own keys

	/** JSON-RPC request id. */
	public static final AttributeKey<String> JSONRPC_REQUEST_ID = AttributeKey.stringKey("jsonrpc.request.id");

	/**
	 * The JSON-RPC method as sent, when it is not an A2A method ({@code a2a.method.name}
	 * is then {@code _OTHER}), cut to 64 characters.
	 */
	public static final AttributeKey<String> METHOD_ORIGINAL = AttributeKey
		.stringKey("genai_tracing.a2a.method_original");

	/** Why the request body was not parsed: {@code too_large}, {@code not_json}, ... */
	public static final AttributeKey<String> BODY_NOT_PARSED = AttributeKey.stringKey("genai_tracing.a2a.body_not_parsed");

	/** Number of streamed events seen. */
	public static final AttributeKey<Long> STREAM_EVENT_COUNT = AttributeKey.longKey("genai_tracing.a2a.stream.events");

	/** Seconds from the request until the first streamed event. */
	public static final AttributeKey<Double> STREAM_TIME_TO_FIRST_EVENT = AttributeKey
		.doubleKey("genai_tracing.a2a.stream.time_to_first_event");

	private A2aAttributes() {
	}

}
