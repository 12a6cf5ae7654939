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
