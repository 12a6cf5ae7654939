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

package io.github.genaitracing.sample.front;

import java.util.Arrays;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.github.genaitracing.annotation.AgentInvoke;
import io.github.genaitracing.annotation.ConversationId;

/**
 * The front agent's logic: one Spring AI chat with the travel tools and the tools of the
 * MCP servers it is connected to (the weather agent's {@code get_hourly_forecast}, through
 * Spring AI's MCP client).
 */
@Component
public class TravelAssistant {

	private final ChatClient chatClient;

	private final TravelTools tools;

	TravelAssistant(ChatClient.Builder chatClient, TravelTools tools, ObjectProvider<ToolCallbackProvider> mcpTools) {
		// the MCP servers' tools are listed once, at start-up (tools/list), not on every request
		ToolCallback[] remoteTools = mcpTools.orderedStream()
			.flatMap((provider) -> Arrays.stream(provider.getToolCallbacks()))
			.toArray(ToolCallback[]::new);
		this.chatClient = chatClient
			.defaultSystem("You are a travel assistant. Use the tools to answer with the forecast and local time.")
			.defaultToolCallbacks(remoteTools)
			.build();
		this.tools = tools;
	}

	/**
	 * Answers a question outside A2A (the {@code /ask} endpoint): the
	 * {@code @AgentInvoke} annotation makes the {@code invoke_agent} span.
	 * @param conversationId the conversation
	 * @param question the question
	 * @return the answer
	 */
	@AgentInvoke(name = "front-agent", description = "Travel assistant")
	public String ask(@ConversationId String conversationId, String question) {
		return answer(question);
	}

	/**
	 * Answers a question; over A2A the filter's {@code invoke_agent} span is the parent.
	 * @param question the question
	 * @return the answer
	 */
	public String answer(String question) {
		return this.chatClient.prompt().user(question).tools(this.tools).call().content();
	}

}
