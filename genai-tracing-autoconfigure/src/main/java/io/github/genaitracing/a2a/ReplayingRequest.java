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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

/**
 * Gives the application exactly the bytes the client sent: the prefix the filter read,
 * then whatever it did not read from the original stream.
 */
final class ReplayingRequest extends HttpServletRequestWrapper {

	private final byte[] prefix;

	private final int prefixLength;

	private final @Nullable InputStream rest;

	private @Nullable ServletInputStream stream;

	private @Nullable BufferedReader reader;

	ReplayingRequest(HttpServletRequest request, byte[] prefix, int prefixLength, @Nullable InputStream rest) {
		super(request);
		this.prefix = prefix;
		this.prefixLength = prefixLength;
		this.rest = rest;
	}

	/**
	 * Reads at most {@code limit + 1} bytes of a request body, so that the caller can
	 * tell whether the body is larger than {@code limit}; memory grows with what is read.
	 */
	static Prefix readPrefix(InputStream in, long limit, long contentLength) {
		int cap = (int) Math.min(Integer.MAX_VALUE - 16, limit + 1);
		int initial = (contentLength >= 0) ? (int) Math.min(cap, contentLength + 1) : Math.min(cap, 8192);
		byte[] buffer = new byte[Math.max(initial, 1)];
		int total = 0;
		try {
			while (total < cap) {
				if (total == buffer.length) {
					buffer = java.util.Arrays.copyOf(buffer, (int) Math.min(cap, (long) buffer.length * 2));
				}
				int read = in.read(buffer, total, buffer.length - total);
				if (read < 0) {
					break;
				}
				total += read;
			}
		}
		catch (IOException ex) {
			return new Prefix(buffer, total, true);
		}
		return new Prefix(buffer, total, false);
	}

	/**
	 * What the filter read of a body.
	 *
	 * @param bytes the buffer
	 * @param length how many bytes of it were read
	 * @param failed whether reading failed (the client stopped sending)
	 */
	record Prefix(byte[] bytes, int length, boolean failed) {
	}

	@Override
	public ServletInputStream getInputStream() {
		if (this.stream == null) {
			this.stream = new Replay();
		}
		return this.stream;
	}

	@Override
	public BufferedReader getReader() throws UnsupportedEncodingException {
		if (this.reader == null) {
			// as the container decodes: the request's (or the context's) encoding, else the
			// servlet default, ISO-8859-1
			String encoding = getCharacterEncoding();
			Charset charset;
			try {
				charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
			}
			catch (IllegalArgumentException ex) {
				throw new UnsupportedEncodingException(encoding);
			}
			this.reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}
		return this.reader;
	}

	private final class Replay extends ServletInputStream {

		private int position;

		private boolean finished;

		@Override
		public int read() throws IOException {
			if (this.position < ReplayingRequest.this.prefixLength) {
				return ReplayingRequest.this.prefix[this.position++] & 0xFF;
			}
			int value = (ReplayingRequest.this.rest != null) ? ReplayingRequest.this.rest.read() : -1;
			this.finished = value < 0;
			return value;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			int available = ReplayingRequest.this.prefixLength - this.position;
			if (available > 0) {
				int count = Math.min(available, length);
				System.arraycopy(ReplayingRequest.this.prefix, this.position, buffer, offset, count);
				this.position += count;
				return count;
			}
			int read = (ReplayingRequest.this.rest != null) ? ReplayingRequest.this.rest.read(buffer, offset, length)
					: -1;
			this.finished = read < 0;
			return read;
		}

		@Override
		public int available() throws IOException {
			int kept = ReplayingRequest.this.prefixLength - this.position;
			if (kept > 0) {
				return kept;
			}
			return (ReplayingRequest.this.rest != null) ? ReplayingRequest.this.rest.available() : 0;
		}

		@Override
		public boolean isFinished() {
			if (this.position < ReplayingRequest.this.prefixLength) {
				return false;
			}
			return this.finished || ReplayingRequest.this.rest == null;
		}

		@Override
		public boolean isReady() {
			if (this.position < ReplayingRequest.this.prefixLength || ReplayingRequest.this.rest == null) {
				return true;
			}
			return !(ReplayingRequest.this.rest instanceof ServletInputStream original) || original.isReady();
		}

		/**
		 * Non-blocking reads: the container's own stream tells when to read (for a body
		 * larger than what the filter read) or that the body has all been read (for the
		 * rest), and the listener reads the bytes the filter kept first.
		 */
		@Override
		public void setReadListener(ReadListener listener) {
			ServletInputStream original;
			try {
				original = getRequest().getInputStream();
			}
			catch (IOException ex) {
				listener.onError(ex);
				return;
			}
			original.setReadListener(new ReadListener() {

				@Override
				public void onDataAvailable() throws IOException {
					listener.onDataAvailable();
				}

				@Override
				public void onAllDataRead() throws IOException {
					if (Replay.this.position < ReplayingRequest.this.prefixLength) {
						// the filter read the whole body: hand the kept bytes over first
						listener.onDataAvailable();
					}
					Replay.this.finished = true;
					listener.onAllDataRead();
				}

				@Override
				public void onError(Throwable error) {
					listener.onError(error);
				}

			});
		}

	}

}
