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
