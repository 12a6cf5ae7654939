package io.github.genaitracing.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.genaitracing.span.GenAiSpans;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SampleAgentApplication}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class SampleAgentApplicationTests {

	@Autowired
	private AgentController controller;

	@Autowired
	private GenAiSpans spans;

	@Test
	void startsOnEmbeddedDefaultsAndAnswers() {
		Map<String, String> answer = this.controller.ask(Map.of("conversationId", "c1", "question", "Weather in Rome?"));
		assertThat(answer).containsEntry("conversationId", "c1");
		assertThat(answer.get("answer")).contains("Rome");
		assertThat(this.spans).isNotNull();
	}

}
