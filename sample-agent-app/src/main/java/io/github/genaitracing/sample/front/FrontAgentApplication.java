package io.github.genaitracing.sample.front;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The front agent: a travel assistant served over A2A JSON-RPC, using Spring AI with
 * tools, that delegates forecasts to the weather agent over A2A.
 */
@SpringBootApplication
public class FrontAgentApplication {

}
