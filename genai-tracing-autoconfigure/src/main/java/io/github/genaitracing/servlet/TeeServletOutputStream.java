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

package io.github.genaitracing.servlet;

import java.io.IOException;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/**
 * A response's output stream that writes through to the container's and shows an
 * {@link Observer} every byte written and every flush, so that a filter can read a
 * response as it passes without holding it back.
 *
 * @since 0.1.0
 */
public final class TeeServletOutputStream extends ServletOutputStream {

	private final ServletOutputStream delegate;

	private final Observer observer;

	/**
	 * Creates the stream.
	 * @param delegate the container's stream, written to first
	 * @param observer what is shown the bytes and the flushes
	 */
	public TeeServletOutputStream(ServletOutputStream delegate, Observer observer) {
		this.delegate = delegate;
		this.observer = observer;
	}

	@Override
	public void write(int b) throws IOException {
		this.delegate.write(b);
		this.observer.written(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		this.delegate.write(bytes, offset, length);
		this.observer.written(bytes, offset, length);
	}

	@Override
	public void flush() throws IOException {
		this.observer.beforeFlush();
		this.delegate.flush();
		this.observer.afterFlush();
	}

	@Override
	public void close() throws IOException {
		this.delegate.close();
	}

	@Override
	public boolean isReady() {
		return this.delegate.isReady();
	}

	@Override
	public void setWriteListener(WriteListener listener) {
		this.delegate.setWriteListener(listener);
	}

	/**
	 * Sees what passes through a {@link TeeServletOutputStream}; must not throw.
	 */
	public interface Observer {

		/**
		 * Called after bytes were written to the container's stream.
		 * @param bytes the bytes
		 * @param offset where they start
		 * @param length how many
		 */
		void written(byte[] bytes, int offset, int length);

		/**
		 * Called before the container's stream is flushed.
		 */
		default void beforeFlush() {
		}

		/**
		 * Called after the container's stream was flushed.
		 */
		default void afterFlush() {
		}

	}

}
