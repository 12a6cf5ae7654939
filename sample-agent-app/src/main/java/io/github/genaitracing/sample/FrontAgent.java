package io.github.genaitracing.sample;

import org.springframework.stereotype.Component;

import io.github.genaitracing.annotation.AgentInvoke;
import io.github.genaitracing.annotation.ConversationId;

/**
 * The sample's front agent: answers questions with its tools.
 *
 * @since 0.1.0
 */
@Component
public class FrontAgent {

	private final WeatherTools tools;

	FrontAgent(WeatherTools tools) {
		this.tools = tools;
	}

	/**
	 * Answers a question.
	 * @param conversationId the conversation id
	 * @param question the question
	 * @return the answer
	 */
	@AgentInvoke(name = "front-agent", description = "Answers weather questions")
	public String answer(@ConversationId String conversationId, String question) {
		String city = question.replaceAll("(?i).*\\bin\\s+([A-Za-z]+).*", "$1");
		return "The weather: " + this.tools.weather(city.equals(question) ? "Paris" : city);
	}

}
