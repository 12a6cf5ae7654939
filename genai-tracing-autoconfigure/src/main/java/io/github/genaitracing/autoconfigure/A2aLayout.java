package io.github.genaitracing.autoconfigure;

/**
 * Which spans an inbound A2A request makes ({@code genai.tracing.a2a.layout}).
 *
 * @since 0.1.0
 */
public enum A2aLayout {

	/** One {@code invoke_agent} INTERNAL span, the root of the request's GenAI tree. */
	AGENT,

	/**
	 * A SERVER span named after the A2A method ({@code SendMessage}…), per the A2A server
	 * conventions, with the {@code invoke_agent} INTERNAL span as its child.
	 */
	SERVER_SPAN

}
