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

package io.github.genaitracing.a2a;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.servlet.TeeServletOutputStream;

/**
 * Passes every byte to the client at once and shows a copy to an observer: a bounded
 * copy for a plain response, event by event for a server-sent event stream.
 */
final class ObservingResponse extends HttpServletResponseWrapper {

	private final ResponseObserver observer;

	private @Nullable ServletOutputStream stream;

	private @Nullable PrintWriter writer;

	/** Whether the observer has been shown the content type (it reads it once). */
	private boolean contentTypeShown;

	ObservingResponse(HttpServletResponse response, ResponseObserver observer) {
		super(response);
		this.observer = observer;
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		if (this.stream == null) {
			this.stream = new TeeServletOutputStream(super.getOutputStream(), new TeeServletOutputStream.Observer() {

				@Override
				public void written(byte[] bytes, int offset, int length) {
					observe(bytes, offset, length);
				}

				@Override
				public void afterFlush() {
					drain();
				}

			});
		}
		return this.stream;
	}

	/**
	 * The container's own writer, seen on the way: nothing is buffered here, so what the
	 * application writes and never flushes is still sent by the container at the end of
	 * the request.
	 */
	@Override
	public PrintWriter getWriter() throws IOException {
		if (this.writer == null) {
			this.writer = new PrintWriter(new ObservingWriter(super.getWriter()), false);
		}
		return this.writer;
	}

	@Override
	public void flushBuffer() throws IOException {
		if (this.writer != null) {
			this.writer.flush();
		}
		super.flushBuffer();
	}

	private void observe(byte[] bytes, int offset, int length) {
		try {
			// the observer decides from the first bytes' content type; asking the container
			// for it builds a string each time
			String contentType = null;
			if (!this.contentTypeShown) {
				contentType = getContentType();
				this.contentTypeShown = true;
			}
			this.observer.onBytes(contentType, bytes, offset, length);
		}
		catch (RuntimeException ex) {
			// observing must never break the response
		}
	}

	private void drain() {
		try {
			this.observer.drain();
		}
		catch (RuntimeException ex) {
			// observing must never break the response
		}
	}

	/**
	 * Writes through to the container's writer and shows the observer the same characters
	 * as bytes of the response's charset.
	 */
	private final class ObservingWriter extends Writer {

		private final Writer delegate;

		ObservingWriter(Writer delegate) {
			this.delegate = delegate;
		}

		@Override
		public void write(char[] chars, int offset, int length) throws IOException {
			this.delegate.write(chars, offset, length);
			observeChars(new String(chars, offset, length));
		}

		@Override
		public void write(String text, int offset, int length) throws IOException {
			this.delegate.write(text, offset, length);
			observeChars(text.substring(offset, offset + length));
		}

		@Override
		public void write(int c) throws IOException {
			this.delegate.write(c);
			observeChars(String.valueOf((char) c));
		}

		@Override
		public void flush() throws IOException {
			this.delegate.flush();
			drain();
		}

		@Override
		public void close() throws IOException {
			this.delegate.close();
		}

		private void observeChars(String text) {
			String encoding = getCharacterEncoding();
			Charset charset;
			try {
				charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			}
			catch (RuntimeException ex) {
				charset = StandardCharsets.UTF_8;
			}
			byte[] bytes = text.getBytes(charset);
			observe(bytes, 0, bytes.length);
		}

	}

}
