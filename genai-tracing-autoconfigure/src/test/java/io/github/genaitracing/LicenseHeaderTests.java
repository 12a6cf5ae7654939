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

package io.github.genaitracing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java source file of every module starts with the Apache License header, as in the
 * Spring projects (the repository is licensed under the Apache License 2.0, see
 * {@code LICENSE}). The {@code license-headers} profile of the root POM adds it where it
 * is missing.
 */
class LicenseHeaderTests {

	/**
	 * The header every Java source file starts with.
	 */
	static final String HEADER = """
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
			""";

	@Test
	void everyJavaSourceFileStartsWithTheApacheLicenseHeader() throws IOException {
		Path root = repositoryRoot();
		List<Path> sources = javaSources(root);
		assertThat(sources).as("Java sources under %s", root).hasSizeGreaterThan(50);
		List<String> missing = sources.stream()
			.filter((source) -> !startsWithHeader(source))
			.map((source) -> root.relativize(source).toString())
			.sorted()
			.toList();
		assertThat(missing)
			.as("Java source files without the Apache License header. Fix: run 'mvn -N -P license-headers "
					+ "initialize' (adds it to every file that lacks it; CI does the same) and commit, or copy the "
					+ "first 16 lines of any other source file (the header, then a blank line) to the top of each")
			.isEmpty();
	}

	private static boolean startsWithHeader(Path source) {
		try {
			String text = Files.readString(source, StandardCharsets.UTF_8);
			return text.startsWith(HEADER);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + source, ex);
		}
	}

	private static List<Path> javaSources(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter((path) -> path.toString().endsWith(".java"))
				.filter(Files::isRegularFile)
				.filter((path) -> {
					String relative = root.relativize(path).toString().replace('\\', '/');
					return relative.contains("/src/") && !relative.contains("/target/") && !relative.startsWith(".");
				})
				.toList();
		}
	}

	private static Path repositoryRoot() {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null) {
			if (Files.isRegularFile(directory.resolve("LICENSE"))
					&& Files.isDirectory(directory.resolve("genai-tracing-autoconfigure"))) {
				return directory;
			}
			directory = directory.getParent();
		}
		throw new IllegalStateException("No repository root (with LICENSE) above " + Path.of("").toAbsolutePath());
	}

}
