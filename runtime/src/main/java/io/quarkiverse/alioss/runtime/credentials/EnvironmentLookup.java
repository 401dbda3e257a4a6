package io.quarkiverse.alioss.runtime.credentials;

/** Reads an environment variable; injectable so tests need not set real variables. */
@FunctionalInterface
public interface EnvironmentLookup {

    EnvironmentLookup SYSTEM = System::getenv;

    /** @return the value, or {@code null} when the variable is not set */
    String get(String name);
}
