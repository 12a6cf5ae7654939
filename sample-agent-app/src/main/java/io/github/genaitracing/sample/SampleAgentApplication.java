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

package io.github.genaitracing.sample;

/**
 * Runs the sample: a scripted OpenAI-compatible model on loopback (unless a real provider
 * is configured), the weather agent, and the front agent that delegates to it over A2A.
 *
 * @since 0.1.0
 */
public final class SampleAgentApplication {

	private SampleAgentApplication() {
	}

	/**
	 * Starts the sample.
	 * @param args command-line arguments, applied to both agents
	 * @throws Exception if the sample cannot start
	 */
	public static void main(String[] args) throws Exception {
		SampleAgents agents = SampleAgents.start(args);
		Runtime.getRuntime().addShutdownHook(new Thread(agents::close, "sample-agents-shutdown"));
	}

}
