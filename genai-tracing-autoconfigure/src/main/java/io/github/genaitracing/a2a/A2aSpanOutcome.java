package io.github.genaitracing.a2a;

import org.jspecify.annotations.Nullable;

import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.SpanHandle;
import io.github.genaitracing.semconv.A2aAttributes;

/**
 * What an A2A response tells an {@code invoke_agent} span, on the server (the inbound
 * filter) and on the client (a call to a remote agent) alike: stream figures, task state
 * and id, the agent's text when content capture is on, the JSON-RPC error, or an HTTP
 * status of 500 and above.
 *
 * @param result what the response said, if it could be read
 * @param newTaskId the task id learnt from the response when the request had none
 * @param errorType the error recorded, if any
 * @param errorMessage its description, if any
 */
record A2aSpanOutcome(@Nullable A2aResult result, @Nullable String newTaskId, @Nullable String errorType,
		@Nullable String errorMessage) {

	/**
	 * Records a response on a span (without ending it).
	 * @param span the span
	 * @param observer the observer that saw the response
	 * @param httpStatus the HTTP status
	 * @param contentPolicy the content policy
	 * @return what was recorded
	 */
	static A2aSpanOutcome record(SpanHandle span, ResponseObserver observer, int httpStatus,
			ContentPolicy contentPolicy) {
		A2aResult result = observer.result();
		if (observer.isStreaming()) {
			span.setProtocolAttribute(A2aAttributes.STREAM_EVENT_COUNT, observer.events());
			span.setProtocolAttribute(A2aAttributes.STREAM_TIME_TO_FIRST_EVENT, observer.secondsToFirstEvent());
		}
		String newTaskId = null;
		String errorType = null;
		String errorMessage = null;
		if (result != null) {
			span.setProtocolAttribute(A2aAttributes.TASK_STATE, result.taskState());
			newTaskId = (span.operation().protocolAttributes().get(A2aAttributes.TASK_ID) == null) ? result.taskId()
					: null;
			span.setProtocolAttribute(A2aAttributes.TASK_ID, newTaskId);
			if (contentPolicy.isEnabled()) {
				span.captureOutput(() -> contentPolicy.capture(result.outputText()));
			}
			if (result.errorCode() != null) {
				errorType = result.errorCode();
				errorMessage = result.errorMessage();
			}
		}
		if (errorType == null && httpStatus >= 500) {
			errorType = String.valueOf(httpStatus);
		}
		if (errorType != null) {
			span.fail(errorType, errorMessage);
		}
		return new A2aSpanOutcome(result, newTaskId, errorType, errorMessage);
	}

}
