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

package io.github.genaitracing.sample.weather;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.stereotype.Component;

/**
 * The weather agent's tool, served over MCP (streamable HTTP at {@code /mcp}) by Spring
 * AI's MCP server. genai-tracing's server side makes each {@code tools/call} a SERVER span
 * whose parent is the caller's span (from the request's {@code _meta}) and runs the tool in
 * an {@code execute_tool get_hourly_forecast} span.
 */
@Component
public class ForecastTools {

	/**
	 * Returns a city's hourly forecast (scripted).
	 * @param city the city
	 * @return the hourly forecast
	 */
	@Tool(name = "get_hourly_forecast", description = "Hourly forecast for a city, from the weather agent")
	public String getHourlyForecast(String city) {
		return "Hourly in " + city + ": 12:00 20°C, 15:00 22°C, 18:00 19°C.";
	}

}
