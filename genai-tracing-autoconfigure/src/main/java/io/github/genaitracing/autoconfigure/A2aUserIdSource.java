package io.github.genaitracing.autoconfigure;

/**
 * Where the user id ({@code user.id}) of an inbound A2A request's span comes from
 * ({@code genai.tracing.a2a.user-id}).
 *
 * @since 0.1.0
 */
public enum A2aUserIdSource {

	/** No user id. */
	NONE,

	/**
	 * The name of the request's authenticated principal
	 * ({@code HttpServletRequest.getUserPrincipal()}), when there is one.
	 */
	PRINCIPAL

}
