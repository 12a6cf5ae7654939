package io.github.genaitracing.sample;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
 * as in CI): the page lists the sample's trace, opens it as a
 * tree of agent, chat, tool and remote-agent spans, shows captured content as text, and
 * runs none of it.
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
		agents = SampleAgents.start("--sample.front.port=0", "--sample.weather.port=0",
				"--genai.tracing.capture-content=span");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
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
	}

	@Test
	void opensTheTraceAsATreeOfAgentChatToolAndRemoteAgentAndRunsNoContent() throws Exception {
		ask("conv-browser", HOSTILE_QUESTION);
		String view = "http://127.0.0.1:" + agents.frontPort() + "/genai-tracing";
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		WebElement row = wait.until((driver) -> {
			driver.get(view);
			List<WebElement> rows = new WebDriverWait(driver, Duration.ofSeconds(5))
				.until((d) -> d.findElements(By.cssSelector("#traces tbody tr")));
			return rows.stream().filter((r) -> r.getText().contains("conv-browser")).findFirst().orElse(null);
		});
		assertThat(row.getText()).contains("invoke_agent front-agent").contains("OK");
		row.click();
		List<String> names = wait.until((driver) -> {
			List<String> found = driver.findElements(By.cssSelector("#trace li.span"))
				.stream()
				.map((item) -> item.getDomAttribute("data-span-name") + " " + item.getDomAttribute("data-span-kind"))
				.toList();
			return found.contains("invoke_agent weather-agent CLIENT") ? found : null;
		});
		assertThat(names).contains("invoke_agent front-agent INTERNAL", "chat gpt-4o-mini CLIENT",
				"execute_tool get_forecast INTERNAL", "execute_tool local_time INTERNAL",
				"invoke_agent weather-agent CLIENT");
		WebElement tool = browser.findElement(By.cssSelector("#trace li.span[data-span-name='execute_tool get_forecast']"));
		assertThat(tool.findElements(By.cssSelector("li.span[data-span-name='invoke_agent weather-agent']")))
			.as("the remote agent is drawn under the tool that called it")
			.hasSize(1);
		WebElement front = browser.findElement(By.cssSelector("#trace li.span[data-span-name='invoke_agent front-agent']"));
		assertThat(front.findElements(By.cssSelector("li.span[data-span-name='execute_tool get_forecast']"))).hasSize(1);

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
			String text = driver.findElement(By.id("trace")).getText();
			return text.contains("0123456789abcdef0123456789abcdef") ? text : null;
		});
		assertThat(status).contains("HTTP 404");
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
