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

import org.jspecify.annotations.Nullable;

import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.FailSafe;
import io.github.genaitracing.semconv.A2aAttributes;
import io.github.genaitracing.spi.CapturedContent;

/**
 * What an A2A response tells the spans of a request, on the server (the inbound filter)
 * and on the client (a call to a remote agent) alike: stream figures, task state, the
 * task and conversation ids learnt from the response, the agent's text when content
 * capture is on, and the error — a JSON-RPC error, a failed or rejected task, or an HTTP
 * status of 500 and above.
 *
 * @param result what the response said, if it could be read
 * @param newTaskId the task id learnt from the response when the request had none
 * @param newConversationId the conversation id learnt from the response when the
 * request had none
 * @param errorType the error, if any
 * @param errorMessage its description, if any
 * @param output the captured output, or {@code null}
 * @param events the number of streamed events, or {@code null} when not streamed
 * @param secondsToFirstEvent seconds to the first streamed event, if any
 */
record A2aSpanOutcome(@Nullable A2aResult result, @Nullable String newTaskId, @Nullable String newConversationId,
		@Nullable String errorType, @Nullable String errorMessage, @Nullable CapturedContent output,
		@Nullable Long events, @Nullable Double secondsToFirstEvent) {

	/**
	 * Reads what a response said.
	 * @param observer the observer that saw the response
	 * @param httpStatus the HTTP status, 0 when unknown
	 * @param contentPolicy the content policy
	 * @param requestTaskId the task id the request named, if any
	 * @param conversationId the conversation id known before the response, if any
	 * @param method the request's method, if known: only the result of a method that
	 * returns a task (or message, or task events) is read for ids, state and text
	 * @return the outcome
	 */
	static A2aSpanOutcome of(ResponseObserver observer, int httpStatus, ContentPolicy contentPolicy,
			@Nullable String requestTaskId, @Nullable String conversationId, @Nullable A2aMethod method) {
		A2aResult result = observer.result();
		if (result != null && result.errorCode() == null && (method == null || !method.returnsTask())) {
			result = null;
		}
		String newTaskId = null;
		String newConversationId = null;
		String errorType = null;
		String errorMessage = null;
		CapturedContent output = null;
		if (result != null) {
			newTaskId = (requestTaskId == null) ? result.taskId() : null;
			newConversationId = (conversationId == null) ? A2aValues.checked(result.contextId()) : null;
			if (contentPolicy.isEnabled()) {
				String text = result.outputText();
				output = FailSafe.get("content capture", () -> contentPolicy.capture(text));
			}
			if (result.errorCode() != null) {
				errorType = result.errorCode();
				errorMessage = result.errorMessage();
			}
			else if (isFailure(result.taskState())) {
				// a task the agent failed or rejected; input- and auth-required are not errors
				errorType = result.taskState();
			}
		}
		if (errorType == null && httpStatus >= 500) {
			errorType = String.valueOf(httpStatus);
		}
		boolean streaming = observer.isStreaming();
		return new A2aSpanOutcome(result, newTaskId, newConversationId, errorType, errorMessage, output,
				streaming ? observer.events() : null, streaming ? observer.secondsToFirstEvent() : null);
	}

	/**
	 * Records the outcome on a span (without ending it).
	 * @param span the span
	 */
	void recordOn(A2aSpan span) {
		span.set(A2aAttributes.STREAM_EVENT_COUNT, this.events);
		span.set(A2aAttributes.STREAM_TIME_TO_FIRST_EVENT, this.secondsToFirstEvent);
		if (this.result != null) {
			span.set(A2aAttributes.TASK_STATE, this.result.taskState());
		}
		span.set(A2aAttributes.TASK_ID, this.newTaskId);
		if (this.newConversationId != null) {
			span.recordConversationId(this.newConversationId);
		}
		span.recordOutput(this.output);
		if (this.errorType != null) {
			span.recordError(this.errorType, this.errorMessage);
		}
	}

	static boolean isFailure(@Nullable String taskState) {
		return "TASK_STATE_FAILED".equals(taskState) || "TASK_STATE_REJECTED".equals(taskState);
	}

}
