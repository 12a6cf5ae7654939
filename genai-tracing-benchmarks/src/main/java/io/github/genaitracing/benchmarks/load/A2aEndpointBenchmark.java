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

package io.github.genaitracing.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The A2A load target (a trivial agent, Spring Boot's tracing on and exporting over
 * OTLP/HTTP to a discarding sink in both arms) in this JVM, called over loopback HTTP/1.1
 * with one keep-alive connection, with genai-tracing off and on: {@code message/send}
 * and a {@code tasks/get} poll answered with a 2 KiB task. The same requests as
 * {@code benchmarks/load/a2a-load.sh} sends with wrk, measured per request; with
 * {@code -prof gc} the allocation per request (every thread of the JVM: Tomcat's, the
 * exporter's and the client's, the same in both arms but for the starter) does not depend
 * on the machine's load.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 20, time = 3)
@Measurement(iterations = 6, time = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xmx512m" })
public class A2aEndpointBenchmark {

	/**
	 * {@code off}, {@code on} (defaults), or on with one part left out, to see what each
	 * costs: {@code on-no-a2a} (no A2A filter), {@code on-no-metrics} (no GenAI meters),
	 * {@code on-semconv-only} (no OpenInference or MLflow attributes),
	 * {@code on-attributes-every-read} (the exporters read a span's attributes as often as
	 * they like, {@code genai.tracing.export.read-attributes-once=false}).
	 */
	@Param({ "off", "on" })
	public String tracing;

	@Param({ "send", "get" })
	public String call;

	/** {@code otlp}: spans exported over OTLP/HTTP to the sink; {@code none}: not exported. */
	@Param({ "otlp", "none" })
	public String export;

	private HttpServer sink;

	private ConfigurableApplicationContext app;

	private Socket socket;

	private OutputStream out;

	private InputStream in;

	private long counter;

	@Setup
	public void setUp() throws IOException {
		this.sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
		this.sink.createContext("/", (exchange) -> {
			try (InputStream body = exchange.getRequestBody()) {
				body.transferTo(OutputStream.nullOutputStream());
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.sink.setExecutor(Executors.newSingleThreadExecutor());
		this.sink.start();
		this.app = SpringApplication.run(A2aLoadTarget.class, "--server.port=0", "--spring.main.banner-mode=off",
				"--logging.level.root=WARN", "--management.tracing.sampling.probability=1.0",
				"--management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:"
						+ this.sink.getAddress().getPort() + "/v1/traces",
				"--management.otlp.metrics.export.enabled=false", "--spring.application.name=load-agent", "--server.tomcat.max-keep-alive-requests=-1",
				"--genai.tracing.enabled=" + this.tracing.startsWith("on"),
				"--genai.tracing.a2a.enabled=" + !"on-no-a2a".equals(this.tracing),
				"--genai.tracing.metrics.enabled=" + !"on-no-metrics".equals(this.tracing),
				"--genai.tracing.openinference.enabled=" + !"on-semconv-only".equals(this.tracing),
				"--genai.tracing.mlflow.enabled=" + !"on-semconv-only".equals(this.tracing),
				"--genai.tracing.export.read-attributes-once=" + !"on-attributes-every-read".equals(this.tracing),
				"--management.tracing.export.enabled=" + "otlp".equals(this.export));
		int port = ((WebServerApplicationContext) this.app).getWebServer().getPort();
		this.socket = new Socket("127.0.0.1", port);
		this.socket.setTcpNoDelay(true);
		this.out = this.socket.getOutputStream();
		this.in = new java.io.BufferedInputStream(this.socket.getInputStream(), 8192);
	}

	private long iterationCpuNanos;

	private long iterationRequests;

	private long iterationCompileMillis;

	@Setup(Level.Iteration)
	public void startIteration() {
		this.iterationCompileMillis = java.lang.management.ManagementFactory.getCompilationMXBean()
			.getTotalCompilationTime();
		this.iterationCpuNanos = processCpuNanos();
		this.iterationRequests = this.counter;
	}

	/**
	 * Prints the CPU time the whole process (server, exporter, client) spent per request
	 * in the iteration: less sensitive than the time per request to other processes on a
	 * shared machine.
	 */
	@TearDown(Level.Iteration)
	public void endIteration() {
		long requests = this.counter - this.iterationRequests;
		if (requests > 0) {
			System.out.printf("cpu per request: %.1f us, JIT compiling: %d ms%n",
					(processCpuNanos() - this.iterationCpuNanos) / 1000.0 / requests,
					java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime()
							- this.iterationCompileMillis);
		}
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	@TearDown
	public void tearDown() throws IOException {
		this.socket.close();
		this.app.close();
		this.sink.stop(0);
	}

	@Benchmark
	public int request() throws IOException {
		long n = ++this.counter;
		String body = "send".equals(this.call)
				? "{\"jsonrpc\":\"2.0\",\"id\":" + n + ",\"method\":\"message/send\",\"params\":{\"message\":{\"kind\":"
						+ "\"message\",\"messageId\":\"m-" + n + "\",\"role\":\"user\",\"contextId\":\"ctx-" + n
						+ "\",\"parts\":[{\"kind\":\"text\",\"text\":\"What is the weather in Paris today? Answer briefly.\"}]}}}"
				: "{\"jsonrpc\":\"2.0\",\"id\":" + n + ",\"method\":\"tasks/get\",\"params\":{\"id\":\"t-" + n
						+ "\",\"historyLength\":10}}";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String head = "POST /a2a HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
				+ bytes.length + "\r\n\r\n";
		byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
		byte[] request = new byte[headBytes.length + bytes.length];
		System.arraycopy(headBytes, 0, request, 0, headBytes.length);
		System.arraycopy(bytes, 0, request, headBytes.length, bytes.length);
		this.out.write(request);
		this.out.flush();
		return readResponse();
	}

	/**
	 * Reads one HTTP/1.1 response (Content-Length or chunked) and returns its status.
	 */
	private int readResponse() throws IOException {
		String status = line();
		long length = -1;
		boolean chunked = false;
		String header;
		while (!(header = line()).isEmpty()) {
			int colon = header.indexOf(':');
			String name = header.substring(0, colon).trim();
			String value = header.substring(colon + 1).trim();
			if (name.equalsIgnoreCase("Content-Length")) {
				length = Long.parseLong(value);
			}
			else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
				chunked = true;
			}
		}
		if (chunked) {
			long size;
			while ((size = Long.parseLong(line().trim(), 16)) > 0) {
				skip(size);
				line();
			}
			line();
		}
		else if (length > 0) {
			skip(length);
		}
		int code = Integer.parseInt(status.substring(9, 12));
		if (code != 200) {
			throw new IllegalStateException(status);
		}
		return code;
	}

	private final ByteArrayOutputStream lineBuffer = new ByteArrayOutputStream(128);

	private String line() throws IOException {
		this.lineBuffer.reset();
		int b;
		while ((b = this.in.read()) != '\n') {
			if (b < 0) {
				throw new IOException("connection closed");
			}
			if (b != '\r') {
				this.lineBuffer.write(b);
			}
		}
		return this.lineBuffer.toString(StandardCharsets.US_ASCII);
	}

	private void skip(long count) throws IOException {
		long left = count;
		while (left > 0) {
			long skipped = this.in.skip(left);
			if (skipped <= 0) {
				if (this.in.read() < 0) {
					throw new IOException("connection closed");
				}
				skipped = 1;
			}
			left -= skipped;
		}
	}

}
