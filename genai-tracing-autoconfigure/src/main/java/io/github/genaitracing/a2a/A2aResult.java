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

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a JSON-RPC response (or one streamed event) says: task, state, the agent's text,
 * error.
 *
 * @param taskId the task id
 * @param contextId the context id
 * @param taskState the task state, {@code TASK_STATE_*}
 * @param artifacts the text of each artifact (or artifact chunk), in order
 * @param messageText the text of a message result, bounded
 * @param statusText the text of the status message (a task's or a status update's),
 * bounded
 * @param errorCode the JSON-RPC error code
 * @param errorMessage the JSON-RPC error message
 */
record A2aResult(@Nullable String taskId, @Nullable String contextId, @Nullable String taskState,
		List<ArtifactText> artifacts, @Nullable String messageText, @Nullable String statusText,
		@Nullable String errorCode, @Nullable String errorMessage) {

	/**
	 * Returns the agent's answer: the artifacts' text, else the message's, else the
	 * status message's.
	 */
	@Nullable String outputText() {
		return outputText(this.artifacts.stream().map(ArtifactText::text).toList(), this.messageText,
				this.statusText, Integer.MAX_VALUE);
	}

	static @Nullable String outputText(List<String> artifacts, @Nullable String messageText,
			@Nullable String statusText, int maxLength) {
		if (!artifacts.isEmpty()) {
			StringBuilder text = new StringBuilder();
			for (String artifact : artifacts) {
				if (artifact.isEmpty() || text.length() >= maxLength) {
					continue;
				}
				if (!text.isEmpty()) {
					text.append('\n');
				}
				text.append(artifact, 0, Math.min(artifact.length(), maxLength - text.length()));
			}
			if (!text.isEmpty()) {
				return text.toString();
			}
		}
		return (messageText != null) ? messageText : statusText;
	}

	/**
	 * The members a response's outcome is read from: not a task's history or metadata;
	 * the text of artifacts and messages only when content is recorded.
	 */
	private static final SelectiveJsonReader.Names MEMBERS = SelectiveJsonReader.Names.of("error", "code", "message",
			"result", "statusUpdate", "artifactUpdate", "kind", "status", "state", "task", "id", "taskId", "contextId");

	private static final SelectiveJsonReader.Names MEMBERS_WITH_TEXT = MEMBERS.with("parts", "text", "artifacts",
			"artifact", "artifactId", "append");

	private static final int ERROR = 0;

	private static final int ERROR_CODE = 1;

	private static final int ERROR_MESSAGE = 2;

	private static final int RESULT = 3;

	private static final int KIND = 4;

	private static final int ID = 5;

	private static final int CONTEXT_ID = 6;

	private static final int TASK_ID = 7;

	private static final int STATUS = 8;

	private static final int STATE = 9;

	private static final int STATUS_UPDATE = 10;

	private static final int STATUS_UPDATE_TASK_ID = 11;

	private static final int STATUS_UPDATE_CONTEXT_ID = 12;

	private static final int STATUS_UPDATE_STATUS = 13;

	private static final int STATUS_UPDATE_STATE = 14;

	private static final int ARTIFACT_UPDATE = 15;

	private static final int ARTIFACT_UPDATE_TASK_ID = 16;

	private static final int ARTIFACT_UPDATE_CONTEXT_ID = 17;

	private static final int TASK = 18;

	private static final int TASK_TASK_ID = 19;

	private static final int TASK_CONTEXT_ID = 20;

	private static final int TASK_STATUS = 21;

	private static final int TASK_STATE = 22;

	private static final int MESSAGE = 23;

	private static final int MESSAGE_TASK_ID = 24;

	private static final int MESSAGE_CONTEXT_ID = 25;

	/** What a response's outcome needs when no text is recorded, by path. */
	/** The kinds of a 0.3 result. */
	private static final String[] KINDS = { "task", "message", "status-update", "artifact-update" };

	private static final SelectiveJsonReader.Fields FIELDS = fields();

	private static final int SLOTS = FIELDS.slots();

	private static SelectiveJsonReader.Fields fields() {
		return SelectiveJsonReader.Fields.of(
				SelectiveJsonReader.Fields.object("error", ERROR, SelectiveJsonReader.Fields.leaf("code", ERROR_CODE),
						SelectiveJsonReader.Fields.leaf("message", ERROR_MESSAGE)),
				SelectiveJsonReader.Fields.object("result", RESULT, SelectiveJsonReader.Fields.leaf("kind", KIND, KINDS),
						SelectiveJsonReader.Fields.leaf("id", ID), SelectiveJsonReader.Fields.leaf("contextId", CONTEXT_ID),
						SelectiveJsonReader.Fields.leaf("taskId", TASK_ID),
						SelectiveJsonReader.Fields.object("status", STATUS, SelectiveJsonReader.Fields.leaf("state", STATE, A2aJson.wireTaskStates())),
						SelectiveJsonReader.Fields.object("statusUpdate", STATUS_UPDATE,
								SelectiveJsonReader.Fields.leaf("taskId", STATUS_UPDATE_TASK_ID),
								SelectiveJsonReader.Fields.leaf("contextId", STATUS_UPDATE_CONTEXT_ID),
								SelectiveJsonReader.Fields.object("status", STATUS_UPDATE_STATUS,
										SelectiveJsonReader.Fields.leaf("state", STATUS_UPDATE_STATE, A2aJson.wireTaskStates()))),
						SelectiveJsonReader.Fields.object("artifactUpdate", ARTIFACT_UPDATE,
								SelectiveJsonReader.Fields.leaf("taskId", ARTIFACT_UPDATE_TASK_ID),
								SelectiveJsonReader.Fields.leaf("contextId", ARTIFACT_UPDATE_CONTEXT_ID)),
						SelectiveJsonReader.Fields.object("task", TASK, SelectiveJsonReader.Fields.leaf("id", TASK_TASK_ID),
								SelectiveJsonReader.Fields.leaf("contextId", TASK_CONTEXT_ID),
								SelectiveJsonReader.Fields.object("status", TASK_STATUS,
										SelectiveJsonReader.Fields.leaf("state", TASK_STATE, A2aJson.wireTaskStates()))),
						SelectiveJsonReader.Fields.object("message", MESSAGE,
								SelectiveJsonReader.Fields.leaf("taskId", MESSAGE_TASK_ID),
								SelectiveJsonReader.Fields.leaf("contextId", MESSAGE_CONTEXT_ID))));
	}

	/**
	 * Reads a JSON-RPC response or a streamed event's data. Without text to record
	 * (content capture off) only its members at the paths the outcome needs are read, into
	 * slots, and a task's ids and state are all it needs: the members after them (history,
	 * metadata, often most of a poll's bytes) are not read.
	 * @param body the bytes
	 * @param length how many of them to read
	 * @param maxTextLength the longest output text recorded, 0 for none
	 * @return what it says, or {@code null} when it is not a JSON-RPC result or error
	 */
	static @Nullable A2aResult read(byte[] body, int length, int maxTextLength) {
		return (maxTextLength > 0) ? readTree(body, length, maxTextLength) : readFields(body, length);
	}

	/**
	 * Reads a response without its text, into slots (what {@link #readTree} reads of it
	 * with {@code maxTextLength} 0).
	 */
	static @Nullable A2aResult readFields(byte[] body, int length) {
		@Nullable String[] v = new String[SLOTS];
		if (SelectiveJsonReader.readFields(body, length, FIELDS, v,
				A2aResult::taskKnown) != SelectiveJsonReader.OBJECT) {
			return null;
		}
		return fromSlots(v);
	}

	/**
	 * Reads a response without its text from its first bytes, when they hold the task's
	 * ids and state: the result {@link #read} gives for the whole response with
	 * {@code maxTextLength} 0, whatever follows; else {@code null}.
	 * @param bytes the response's first bytes
	 * @param from where they start
	 * @param length how many there are
	 * @return the result, or {@code null} when the bytes do not tell it
	 */
	static @Nullable A2aResult readIfTaskKnown(byte[] bytes, int from, int length) {
		@Nullable String[] v = new String[SLOTS];
		return SelectiveJsonReader.readFieldsUntilEnough(bytes, from, length, FIELDS, v, A2aResult::taskKnown)
				? fromSlots(v) : null;
	}

	private static @Nullable A2aResult fromSlots(@Nullable String[] v) {
		if (v[ERROR] == SelectiveJsonReader.PRESENT) {
			return new A2aResult(null, null, null, List.of(), null, null, SelectiveJsonReader.text(v[ERROR_CODE]),
					SelectiveJsonReader.text(v[ERROR_MESSAGE]));
		}
		if (v[RESULT] != SelectiveJsonReader.PRESENT) {
			return null;
		}
		// 1.0 wraps the result: {"task":…}, {"message":…}, {"statusUpdate":…}, {"artifactUpdate":…}
		String kind = SelectiveJsonReader.text(v[KIND]);
		if (v[STATUS_UPDATE] == SelectiveJsonReader.PRESENT) {
			return new A2aResult(SelectiveJsonReader.text(v[STATUS_UPDATE_TASK_ID]),
					SelectiveJsonReader.text(v[STATUS_UPDATE_CONTEXT_ID]),
					state(v[STATUS_UPDATE_STATUS], v[STATUS_UPDATE_STATE]), List.of(), null, null, null, null);
		}
		if (v[STATUS_UPDATE] == null && "status-update".equals(kind)) {
			return new A2aResult(SelectiveJsonReader.text(v[TASK_ID]), SelectiveJsonReader.text(v[CONTEXT_ID]),
					state(v[STATUS], v[STATE]), List.of(), null, null, null, null);
		}
		if (v[ARTIFACT_UPDATE] == SelectiveJsonReader.PRESENT) {
			return new A2aResult(SelectiveJsonReader.text(v[ARTIFACT_UPDATE_TASK_ID]),
					SelectiveJsonReader.text(v[ARTIFACT_UPDATE_CONTEXT_ID]), null, NO_TEXT_ARTIFACT, null, null, null,
					null);
		}
		if (v[ARTIFACT_UPDATE] == null && "artifact-update".equals(kind)) {
			return new A2aResult(SelectiveJsonReader.text(v[TASK_ID]), SelectiveJsonReader.text(v[CONTEXT_ID]), null,
					NO_TEXT_ARTIFACT, null, null, null, null);
		}
		if (v[TASK] == null && v[MESSAGE] == null) {
			// the result itself is the message or the task
			return "message".equals(kind)
					? new A2aResult(SelectiveJsonReader.text(v[TASK_ID]), SelectiveJsonReader.text(v[CONTEXT_ID]), null,
							List.of(), null, null, null, null)
					: new A2aResult(SelectiveJsonReader.text(v[ID]), SelectiveJsonReader.text(v[CONTEXT_ID]),
							state(v[STATUS], v[STATE]), List.of(), null, null, null, null);
		}
		if (v[MESSAGE] != null) {
			return new A2aResult(SelectiveJsonReader.text(v[MESSAGE_TASK_ID]),
					SelectiveJsonReader.text(v[MESSAGE_CONTEXT_ID]), null, List.of(), null, null, null, null);
		}
		return new A2aResult(SelectiveJsonReader.text(v[TASK_TASK_ID]), SelectiveJsonReader.text(v[TASK_CONTEXT_ID]),
				state(v[TASK_STATUS], v[TASK_STATE]), List.of(), null, null, null, null);
	}

	/** An artifact update read without its text: no id, no text. */
	private static final List<ArtifactText> NO_TEXT_ARTIFACT = List.of(new ArtifactText(null, false, ""));

	/** Whether a task's ids and state were read (of the result, or of its 1.0 task). */
	private static boolean taskKnown(@Nullable String[] v) {
		if (v[RESULT] != SelectiveJsonReader.PRESENT) {
			return false;
		}
		if (v[TASK] != null) {
			return v[TASK] == SelectiveJsonReader.PRESENT && v[TASK_TASK_ID] != null && v[TASK_CONTEXT_ID] != null
					&& v[TASK_STATUS] == SelectiveJsonReader.PRESENT && v[TASK_STATE] != null;
		}
		return v[ID] != null && v[CONTEXT_ID] != null && v[STATUS] == SelectiveJsonReader.PRESENT && v[STATE] != null;
	}

	private static @Nullable String state(@Nullable String status, @Nullable String state) {
		return A2aJson.taskState((status == SelectiveJsonReader.PRESENT) ? SelectiveJsonReader.text(state) : null);
	}

	/**
	 * Reads a response into a tree of the members it keeps, with its text when
	 * {@code maxTextLength} is above 0; without, it stops once a task's ids and state are
	 * read.
	 */
	static @Nullable A2aResult readTree(byte[] body, int length, int maxTextLength) {
		JsonNode root = (maxTextLength > 0) ? A2aJson.read(body, length, MEMBERS_WITH_TEXT)
				: SelectiveJsonReader.readUntil(body, length, MEMBERS, A2aResult::taskKnown);
		if (root == null || !root.isObject()) {
			return null;
		}
		JsonNode error = root.get("error");
		if (error != null && error.isObject()) {
			return new A2aResult(null, null, null, List.of(), null, null, A2aJson.text(error, "code"),
					A2aJson.text(error, "message"));
		}
		JsonNode result = root.get("result");
		if (result == null || !result.isObject()) {
			return null;
		}
		// 1.0 wraps the result: {"task":…}, {"message":…}, {"statusUpdate":…}, {"artifactUpdate":…}
		JsonNode statusUpdate = result.get("statusUpdate");
		JsonNode artifactUpdate = result.get("artifactUpdate");
		String kind = A2aJson.text(result, "kind");
		if (statusUpdate == null && "status-update".equals(kind)) {
			statusUpdate = result;
		}
		if (artifactUpdate == null && "artifact-update".equals(kind)) {
			artifactUpdate = result;
		}
		if (statusUpdate != null && statusUpdate.isObject()) {
			JsonNode status = statusUpdate.path("status");
			return new A2aResult(A2aJson.text(statusUpdate, "taskId"), A2aJson.text(statusUpdate, "contextId"),
					state(status), List.of(), null, statusText(status, maxTextLength), null, null);
		}
		if (artifactUpdate != null && artifactUpdate.isObject()) {
			JsonNode artifact = artifactUpdate.path("artifact");
			List<ArtifactText> artifacts = new ArrayList<>(1);
			String text = text(artifact.get("parts"), maxTextLength);
			artifacts.add(new ArtifactText(A2aJson.text(artifact, "artifactId"),
					artifactUpdate.path("append").asBoolean(false), (text != null) ? text : ""));
			return new A2aResult(A2aJson.text(artifactUpdate, "taskId"), A2aJson.text(artifactUpdate, "contextId"),
					null, artifacts, null, null, null, null);
		}
		JsonNode task = result.get("task");
		JsonNode message = result.get("message");
		if (task == null && message == null) {
			if ("message".equals(kind)) {
				message = result;
			}
			else {
				task = result;
			}
		}
		if (message != null) {
			return new A2aResult(A2aJson.text(message, "taskId"), A2aJson.text(message, "contextId"), null, List.of(),
					text(message.get("parts"), maxTextLength), null, null, null);
		}
		List<ArtifactText> artifacts = new ArrayList<>();
		JsonNode taskArtifacts = task.get("artifacts");
		if (taskArtifacts != null && taskArtifacts.isArray()) {
			for (JsonNode artifact : taskArtifacts.values()) {
				String text = text(artifact.get("parts"), maxTextLength);
				if (text != null) {
					artifacts.add(new ArtifactText(A2aJson.text(artifact, "artifactId"), false, text));
				}
			}
		}
		JsonNode status = task.path("status");
		return new A2aResult(A2aJson.text(task, "id"), A2aJson.text(task, "contextId"), state(status), artifacts,
				null, statusText(status, maxTextLength), null, null);
	}

	/**
	 * Whether a response read so far has a task's id, context id and state: what a task's
	 * outcome is read from when no text is recorded (a status update names its task
	 * {@code taskId}, a message has no status).
	 */
	private static boolean taskKnown(ObjectNode root) {
		JsonNode result = root.get("result");
		if (result == null || !result.isObject()) {
			return false;
		}
		JsonNode task = result.has("task") ? result.get("task") : result;
		JsonNode status = task.get("status");
		return task.isObject() && task.has("id") && task.has("contextId") && status != null && status.isObject()
				&& status.has("state");
	}

	private static @Nullable String state(JsonNode status) {
		return A2aJson.taskState(status.isObject() ? A2aJson.text(status, "state") : null);
	}

	private static @Nullable String statusText(JsonNode status, int maxTextLength) {
		JsonNode message = status.path("message");
		return message.isObject() ? text(message.get("parts"), maxTextLength) : null;
	}

	private static @Nullable String text(@Nullable JsonNode parts, int maxTextLength) {
		StringBuilder text = new StringBuilder();
		A2aJson.appendText(parts, text, maxTextLength);
		return text.isEmpty() ? null : text.toString();
	}

	/**
	 * The text of an artifact, or of one chunk of a streamed artifact.
	 *
	 * @param artifactId the artifact id
	 * @param append whether the chunk adds to the artifact's earlier chunks rather than
	 * replacing them
	 * @param text the text
	 */
	record ArtifactText(@Nullable String artifactId, boolean append, String text) {
	}

}
