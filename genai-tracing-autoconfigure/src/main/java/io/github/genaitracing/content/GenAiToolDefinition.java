package io.github.genaitracing.content;

import org.jspecify.annotations.Nullable;

/**
 * A tool definition offered to a model, as in {@code gen_ai.tool.definitions}.
 *
 * @param name the tool name
 * @param description the tool description, or {@code null}
 * @param parameters the JSON schema of the parameters, or {@code null}
 * @since 0.1.0
 */
public record GenAiToolDefinition(String name, @Nullable String description, @Nullable String parameters) {
}
