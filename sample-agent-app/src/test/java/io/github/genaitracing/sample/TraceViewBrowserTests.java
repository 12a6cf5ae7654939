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

package io.github.genaitracing.sample;

import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local trace view in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, installed with apt when missing and possible; otherwise the
 * test is skipped with the reason, or fails when {@value #REQUIRE_BROWSER} is {@code true},
 * as in CI). The front agent's view merges the weather agent's spans, read server-side
 * from the weather agent's endpoint (an A2A agent it called); two more configured peers
 * are broken — one refuses connections, one answers HTML — and the view says so while
 * still showing every other span.
 */
class TraceViewBrowserTests {

	/**
	 * Environment variable that, when {@code true}, makes a missing browser a failure
	 * rather than a skip; {@code .ci/run} sets it.
	 */
	static final String REQUIRE_BROWSER = "GENAI_TRACING_REQUIRE_BROWSER";

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final String HOSTILE_QUESTION = "Weather in <b>Oslo</b>? <script>window.pwned=1</script>"
			+ "<img src=x onerror=\"window.pwned=2\">";

	private static SampleAgents agents;

	private static HttpServer garbagePeer;

	private static int closedPort;

	private static ChromeDriver browser;

	@BeforeAll
	static void start() throws Exception {
		String missing = ensureChromium();
		if (missing != null && Boolean.parseBoolean(System.getenv(REQUIRE_BROWSER))) {
			throw new IllegalStateException("Trace view browser test cannot run: " + missing + ". " + REQUIRE_BROWSER
					+ "=true (CI sets it) makes this a failure: install chromium and chromium-driver");
		}
		Assumptions.assumeTrue(missing == null, () -> "Trace view browser test skipped: " + missing + " (with "
				+ REQUIRE_BROWSER + "=true, as in CI, this fails)");
		garbagePeer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		garbagePeer.createContext("/", (exchange) -> {
			byte[] body = "<html><body>not a trace</body></html>".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		garbagePeer.start();
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		agents = SampleAgents.start("--sample.front.port=0", "--sample.weather.port=0",
				"--genai.tracing.capture-content=span",
				"--genai.tracing.view.peers=http://127.0.0.1:" + closedPort + ",http://127.0.0.1:"
						+ garbagePeer.getAddress().getPort() + "/actuator/genaitracing");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,900",
				"--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
		if (agents != null) {
			agents.close();
		}
		if (garbagePeer != null) {
			garbagePeer.stop(0);
		}
	}

	@Test
	void drawsTheFrontAndWeatherAgentsSpansAsOneNestedTimelineInStartOrder() throws Exception {
		ask("conv-waterfall", "What is the weather in Lisbon?");
		openTraceOf("conv-waterfall");
		List<Map<String, String>> rows = rowsOnceMerged();
		List<String> names = rows.stream().map((row) -> row.get("name") + " " + row.get("kind")).toList();
		assertThat(names).startsWith("invoke_agent front-agent SERVER", "chat gpt-4o-mini CLIENT");
		int forecast = names.indexOf("execute_tool get_forecast INTERNAL");
		int call = names.indexOf("invoke_agent weather-agent CLIENT");
		int remote = names.indexOf("invoke_agent weather-agent SERVER");
		assertThat(forecast).isPositive();
		assertThat(call).as("the A2A call follows the tool that makes it").isEqualTo(forecast + 1);
		assertThat(remote).as("the weather agent's own span follows the call to it").isEqualTo(call + 1);
		assertThat(rows.get(remote + 1)).containsEntry("name", "chat gpt-4o-mini")
			.containsEntry("service", "weather-agent");
		assertThat(names).contains("execute_tool local_time INTERNAL");
		int mcpTool = names.indexOf("execute_tool get_hourly_forecast INTERNAL");
		assertThat(mcpTool).isPositive();
		assertThat(names.subList(mcpTool, mcpTool + 4)).as("the MCP call from Spring AI's tool to the weather agent's tool")
			.containsExactly("execute_tool get_hourly_forecast INTERNAL", "tools/call get_hourly_forecast CLIENT",
					"tools/call get_hourly_forecast SERVER", "execute_tool get_hourly_forecast INTERNAL");
		assertThat(rows.get(mcpTool + 1)).containsEntry("service", "front-agent")
			.containsEntry("parent", rows.get(mcpTool).get("id"));
		assertThat(rows.get(mcpTool + 2)).as("the weather agent's MCP server span, merged in under the MCP call")
			.containsEntry("service", "weather-agent")
			.containsEntry("parent", rows.get(mcpTool + 1).get("id"));
		assertThat(rows.get(mcpTool + 3)).containsEntry("service", "weather-agent")
			.containsEntry("parent", rows.get(mcpTool + 2).get("id"));
		assertThat(rows.get(rows.size() - 1)).as("the front agent's last model turn ends the trace")
			.containsEntry("name", "chat gpt-4o-mini")
			.containsEntry("service", "front-agent")
			.containsEntry("depth", "1");

		assertThat(rows.get(0)).containsEntry("depth", "0").containsEntry("service", "front-agent");
		assertThat(rows.get(1)).containsEntry("depth", "1").containsEntry("parent", rows.get(0).get("id"));
		assertThat(rows.get(forecast)).as("Spring AI runs the tool after the model turn, under the agent")
			.containsEntry("depth", "1")
			.containsEntry("parent", rows.get(0).get("id"))
			.containsEntry("service", "front-agent");
		assertThat(rows.get(call)).containsEntry("depth", "2").containsEntry("parent", rows.get(forecast).get("id"));
		assertThat(rows.get(remote)).as("merged from the weather agent's endpoint, under the call")
			.containsEntry("depth", "3")
			.containsEntry("parent", rows.get(call).get("id"))
			.containsEntry("service", "weather-agent");
		assertThat(rows.get(remote + 1)).containsEntry("depth", "4").containsEntry("parent", rows.get(remote).get("id"));

		for (Map<String, String> row : rows.subList(1, rows.size())) {
			Map<String, String> parent = rows.stream()
				.filter((candidate) -> candidate.get("id").equals(row.get("parent")))
				.findFirst()
				.orElseThrow();
			assertThat(Double.parseDouble(row.get("left"))).as("%s starts within its parent's bar", row.get("name"))
				.isGreaterThanOrEqualTo(Double.parseDouble(parent.get("left")) - 0.01);
			assertThat(Double.parseDouble(row.get("left")) + Double.parseDouble(row.get("width")))
				.as("%s %s of %s ends within its parent's bar", row.get("name"), row.get("kind"), row.get("service"))
				.isLessThanOrEqualTo(Double.parseDouble(parent.get("left")) + Double.parseDouble(parent.get("width"))
						+ 0.01);
		}
		assertThat(browser.findElement(By.cssSelector("#waterfall .row[data-span-name='chat gpt-4o-mini'] .bar-text"))
			.getText()).as("tokens and cost (gpt-4o-mini is priced) on the chat bar")
			.containsPattern("\\d+ in / \\d+ out · \\$0\\.\\d+");
		assertThat(browser.findElement(By.cssSelector("#waterfall .row[data-span-name='invoke_agent front-agent'] .bar-text"))
			.getText()).as("the run totals on the agent bar").containsPattern("Σ \\d+ in / \\d+ out · Σ \\$0\\.\\d+");

		WebElement weatherChat = browser
			.findElement(By.cssSelector("#waterfall .row[data-service='weather-agent'][data-span-name='chat gpt-4o-mini']"));
		weatherChat.click();
		String details = new WebDriverWait(browser, Duration.ofSeconds(5))
			.until((driver) -> driver.findElement(By.id("details")).isDisplayed() ? driver.findElement(By.id("details")).getText() : null);
		assertThat(details).contains("gen_ai.usage.input_tokens").contains("weather-agent").contains("Lisbon");

		String traceId = browser.findElement(By.id("trace")).getDomAttribute("data-trace-id");
		assertThat(browser.getCurrentUrl()).contains("#trace=" + traceId).contains("&span=");
		browser.findElement(By.id("refresh")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((driver) -> driver
			.findElements(By.cssSelector("#traces tbody tr.open"))
			.size() == 1);
		assertThat(browser.findElement(By.id("trace")).getDomAttribute("data-trace-id"))
			.as("refresh keeps the open trace")
			.isEqualTo(traceId);
		assertThat(browser.findElement(By.id("details")).getText()).as("and the open span").contains("weather-agent");
	}

	@Test
	void showsTheLocalSpansAndSaysSoWhenAPeerIsDownOrAnswersGarbage() throws Exception {
		ask("conv-peers", "What is the weather in Lisbon?");
		openTraceOf("conv-peers");
		rowsOnceMerged();
		List<WebElement> peers = browser.findElements(By.cssSelector("#peers [data-peer]"));
		assertThat(peers).extracting((peer) -> peer.getDomAttribute("data-peer-status"))
			.containsExactlyInAnyOrder("UNREACHABLE", "INVALID", "OK");
		String text = browser.findElement(By.id("peers")).getText();
		assertThat(text).contains("127.0.0.1:" + closedPort + "/actuator/genaitracing unreachable")
			.contains("127.0.0.1:" + garbagePeer.getAddress().getPort() + "/actuator/genaitracing invalid")
			.contains("its spans are not shown")
			.contains("weather-agent");
		assertThat(browser.findElements(By.cssSelector("#waterfall .row[data-service='front-agent']")))
			.as("the local spans")
			.hasSizeGreaterThanOrEqualTo(5);
	}

	@Test
	void transcriptShowsTheQuestionTheToolCallsAndTheAnswer() throws Exception {
		ask("conv-transcript", "What is the weather in Lisbon?");
		openTraceOf("conv-transcript");
		rowsOnceMerged();
		browser.findElement(By.id("tab-conversation")).click();
		WebElement conversation = browser.findElement(By.id("conversation"));
		assertThat(conversation.isDisplayed()).isTrue();
		List<WebElement> turns = conversation.findElements(By.cssSelector(".turn"));
		assertThat(turns.get(0).getText()).contains("user → front-agent").contains("What is the weather in Lisbon?");
		String transcript = conversation.getText();
		assertThat(transcript).contains("get_forecast(")
			.contains("front-agent → weather-agent")
			.contains("Forecast for Lisbon: sunny")
			.contains("14:05 in Lisbon");
		assertThat(turns.get(turns.size() - 1).getText()).as("the front agent's answer comes last")
			.contains("front-agent answers")
			.contains("Forecast for Lisbon");
		assertThat(browser.getCurrentUrl()).contains("&tab=conversation");
	}

	@Test
	void opensADeepLinkAndShowsHostileContentAsTextWithoutRunningIt() throws Exception {
		ask("conv-browser", HOSTILE_QUESTION);
		String traceId = openTraceOf("conv-browser");
		browser.get("about:blank");
		browser.get("http://127.0.0.1:" + agents.frontPort() + "/genai-tracing#trace=" + traceId + "&tab=conversation");
		WebElement conversation = new WebDriverWait(browser, Duration.ofSeconds(10)).until((driver) -> {
			WebElement element = driver.findElement(By.id("conversation"));
			return (element.isDisplayed() && element.getText().contains("Oslo")) ? element : null;
		});
		assertThat(conversation.getText()).contains("<script>window.pwned=1</script>");
		browser.findElement(By.id("tab-timeline")).click();
		browser.findElement(By.cssSelector("#waterfall .row[data-span-name='invoke_agent front-agent']")).click();

		JavascriptExecutor js = browser;
		assertThat(js.executeScript("return window.pwned === undefined")).isEqualTo(true);
		assertThat(js.executeScript("return document.querySelectorAll('#trace b, #trace img, #trace script').length"))
			.isEqualTo(0L);
		assertThat((String) js.executeScript("return document.getElementById('trace').textContent"))
			.contains("<script>window.pwned=1</script>")
			.contains("Forecast for <b>Oslo</b>");
	}

	@Test
	void saysSoForAnUnknownTraceId() {
		browser.get("about:blank");
		browser.get("http://127.0.0.1:" + agents.frontPort() + "/genai-tracing#trace=0123456789abcdef0123456789abcdef");
		String status = new WebDriverWait(browser, Duration.ofSeconds(10)).until((driver) -> {
			String text = driver.findElement(By.id("trace-error")).getText();
			return text.contains("0123456789abcdef0123456789abcdef") ? text : null;
		});
		assertThat(status).contains("HTTP 404");
	}

	/**
	 * Opens the view, clicks the row of the conversation's trace and returns its id.
	 */
	private static String openTraceOf(String conversationId) {
		String view = "http://127.0.0.1:" + agents.frontPort() + "/genai-tracing";
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		WebElement row = wait.until((driver) -> {
			driver.get("about:blank");
			driver.get(view);
			List<WebElement> rows = new WebDriverWait(driver, Duration.ofSeconds(5))
				.until((d) -> d.findElements(By.cssSelector("#traces tbody tr")));
			// the row is named after the request's server span once Spring Boot has ended it,
			// after the response went out
			return rows.stream()
				.filter((r) -> r.getText().contains(conversationId) && r.getText().contains("invoke_agent front-agent"))
				.findFirst()
				.orElse(null);
		});
		assertThat(row.getText()).contains("invoke_agent front-agent").contains("OK");
		String traceId = row.getDomAttribute("data-trace-id");
		row.click();
		wait.until((driver) -> traceId.equals(driver.findElement(By.id("trace")).getDomAttribute("data-trace-id")));
		return traceId;
	}

	/**
	 * Waits until the weather agent's spans are merged in and returns the rows of the
	 * waterfall: name, kind, service, depth, id, parent, bar offset and width (percent).
	 */
	@SuppressWarnings("unchecked")
	private static List<Map<String, String>> rowsOnceMerged() {
		return new WebDriverWait(browser, Duration.ofSeconds(20)).until((driver) -> {
			List<Map<String, String>> rows = (List<Map<String, String>>) ((JavascriptExecutor) driver).executeScript(
					"return Array.from(document.querySelectorAll('#waterfall .row')).map(function (r) {"
							+ " var bar = r.querySelector('.bar'); return { name: r.dataset.spanName, kind: r.dataset.spanKind,"
							+ " service: r.dataset.service, depth: r.dataset.depth, id: r.dataset.spanId,"
							+ " parent: r.dataset.parentSpanId || '', left: String(parseFloat(bar.style.left)),"
							+ " width: String(parseFloat(bar.style.width)) }; });");
			boolean merged = rows.stream().anyMatch((row) -> "weather-agent".equals(row.get("service")));
			return merged ? rows : null;
		});
	}

	private static void ask(String conversationId, String question) throws Exception {
		String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\",\"params\":{\"message\":{\"kind\":"
				+ "\"message\",\"messageId\":\"m-browser\",\"role\":\"user\",\"contextId\":\"" + conversationId
				+ "\",\"parts\":[{\"kind\":\"text\",\"text\":" + quote(question) + "}]}}}";
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agents.frontPort() + "/a2a"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.body()).contains("\"state\":\"completed\"");
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/**
	 * Makes sure Chromium and its driver are there, installing Debian's packages when
	 * missing and possible.
	 * @return why the browser is not available, or {@code null} when it is
	 */
	private static String ensureChromium() {
		if (executable(CHROMIUM) && executable(CHROMEDRIVER)) {
			return null;
		}
		if (!new File("/usr/bin/apt-get").canExecute()) {
			return "no /usr/bin/chromium or /usr/bin/chromedriver, and no apt-get to install them";
		}
		try {
			Process process = new ProcessBuilder("apt-get", "install", "-y", "-q", "chromium", "chromium-driver")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!process.waitFor(15, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				return "apt-get install chromium chromium-driver did not finish in 15 minutes";
			}
			if (process.exitValue() != 0) {
				return "apt-get install chromium chromium-driver failed with exit code " + process.exitValue()
						+ " (not root, or no package index: run apt-get update)";
			}
		}
		catch (Exception ex) {
			return "apt-get install chromium chromium-driver failed: " + ex;
		}
		return (executable(CHROMIUM) && executable(CHROMEDRIVER)) ? null
				: "apt-get ran, yet /usr/bin/chromium or /usr/bin/chromedriver is missing";
	}

	private static boolean executable(Path path) {
		return Files.isExecutable(path);
	}

}
