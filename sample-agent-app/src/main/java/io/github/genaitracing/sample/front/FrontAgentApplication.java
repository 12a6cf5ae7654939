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

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The front agent: a travel assistant served over A2A JSON-RPC, using Spring AI with
 * tools, that delegates forecasts to the weather agent over A2A.
 */
@SpringBootApplication
public class FrontAgentApplication {

	/**
	 * Starts the front agent alone (it calls the weather agent at
	 * {@code sample.weather-agent.url}). {@code spring-boot:process-aot} runs it to
	 * generate the front agent's AOT code; the sample is started by
	 * {@code SampleAgentApplication}.
	 * @param args command-line arguments
	 */
	public static void main(String[] args) {
		application(Map.of()).run(args);
	}

	/**
	 * Returns the front agent's application. Its main class is set so that, in AOT mode,
	 * it finds its own generated initializer (both agents run in one JVM).
	 * @param defaults default properties
	 * @return the application builder
	 */
	public static SpringApplicationBuilder application(Map<String, Object> defaults) {
		return new SpringApplicationBuilder(FrontAgentApplication.class).main(FrontAgentApplication.class)
			.properties(defaults);
	}

}
