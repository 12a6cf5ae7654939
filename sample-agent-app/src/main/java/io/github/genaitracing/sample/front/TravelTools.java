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

package io.github.genaitracing.sample.front;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.stereotype.Component;

import io.github.genaitracing.annotation.ToolCall;

/**
 * The front agent's tools. Spring AI calls them ({@code @Tool}); {@code @ToolCall} names
 * the {@code execute_tool} span the same way when they are called from plain code.
 */
@Component
public class TravelTools {

	private final WeatherAgentClient weatherAgent;

	TravelTools(WeatherAgentClient weatherAgent) {
		this.weatherAgent = weatherAgent;
	}

	/**
	 * Asks the weather agent, over A2A, for a city's forecast.
	 * @param city the city
	 * @return the forecast
	 */
	@Tool(name = "get_forecast", description = "Weather forecast for a city, from the weather agent")
	@ToolCall(name = "get_forecast", description = "Weather forecast for a city, from the weather agent")
	public String getForecast(String city) {
		return this.weatherAgent.forecast(city);
	}

	/**
	 * Returns a city's local time (scripted).
	 * @param city the city
	 * @return the local time
	 */
	@Tool(name = "local_time", description = "Local time of a city")
	@ToolCall(name = "local_time", description = "Local time of a city")
	public String localTime(String city) {
		return "It is 14:05 in " + city + ".";
	}

}
