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
