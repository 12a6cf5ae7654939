package io.github.genaitracing.sample;

import org.springframework.stereotype.Component;

import io.github.genaitracing.annotation.ToolCall;

/**
 * Tools of the sample agent.
 *
 * @since 0.1.0
 */
@Component
public class WeatherTools {

	/**
	 * Returns a scripted forecast for a city.
	 * @param city the city
	 * @return the forecast
	 */
	@ToolCall(name = "get_weather", description = "Current weather of a city")
	public String weather(String city) {
		return "sunny, 21°C in " + city;
	}

}
