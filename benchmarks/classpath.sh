# Sourced by the JMH-side scripts: builds the benchmarks in one reactor build (nothing installed
# into ~/.m2; the reactor resolves the project's modules) and sets $cp to their class path.
mvn -B -q ${MVN_FLAGS:-} -pl genai-tracing-benchmarks -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/classpath.txt
mkdir -p benchmarks/results
cp="$(cat genai-tracing-benchmarks/target/classpath.txt):genai-tracing-benchmarks/target/classes"
