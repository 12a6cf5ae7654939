package io.github.genaitracing.core;

import org.jspecify.annotations.Nullable;

/**
 * Agent attributes used when an {@code @AgentInvoke} annotation leaves them empty.
 *
 * @param name the agent name, or {@code null} for the declaring class's simple name
 * @param description the agent description, or {@code null}
 * @param version the agent version, or {@code null}
 * @param providerName the provider name of agent spans
 * @since 0.1.0
 */
public record AgentDefaults(@Nullable String name, @Nullable String description, @Nullable String version,
		String providerName) {
}
