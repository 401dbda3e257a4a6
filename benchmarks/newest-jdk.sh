# Sourced by the benchmark scripts: JAVA_HOME from the environment, or a Temurin 25 under /usr/lib/jvm; sets $java.
for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25*; do
    if [ -z "${JAVA_HOME:-}" ] && [ -x "$candidate/bin/java" ]; then
        export JAVA_HOME="$candidate"
    fi
done
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
