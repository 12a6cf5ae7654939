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

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * An OTLP endpoint that accepts connections, reads what is sent and never answers: the
 * exporter's calls hang until its own timeout. Usage: {@code StallingOtlpSink <port>}.
 */
public final class StallingOtlpSink {

	private StallingOtlpSink() {
	}

	public static void main(String[] args) throws IOException {
		List<Socket> held = new ArrayList<>();
		try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 128, InetAddress.getLoopbackAddress())) {
			System.out.println("stalling otlp sink listening on " + server.getLocalPort());
			while (true) {
				Socket socket = server.accept();
				held.add(socket);
				Thread reader = new Thread(() -> drain(socket));
				reader.setDaemon(true);
				reader.start();
			}
		}
	}

	private static void drain(Socket socket) {
		try (InputStream in = socket.getInputStream()) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			// the exporter gave up
		}
	}

}
