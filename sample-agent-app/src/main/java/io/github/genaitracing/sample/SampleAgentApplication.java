package io.github.genaitracing.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Sample A2A agent application traced with genai-tracing.
 *
 * @since 0.1.0
 */
@SpringBootApplication
public class SampleAgentApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleAgentApplication.class, args);
	}

}
