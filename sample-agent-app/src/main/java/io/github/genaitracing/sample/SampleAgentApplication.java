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
