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
