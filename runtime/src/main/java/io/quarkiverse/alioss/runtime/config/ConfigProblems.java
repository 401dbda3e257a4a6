package io.quarkiverse.alioss.runtime.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Collects every problem of one configuration section so that a user sees them all at once instead of fixing them
 * one start-up at a time. Messages must never contain secret values.
 */
public final class ConfigProblems {

    private final List<String> messages = new ArrayList<>();
    private final Set<String> keys = new LinkedHashSet<>();

    /** Records that {@code key} is wrong; {@code problem} says what is wrong with it. */
    public void add(String key, String problem) {
        keys.add(key);
        messages.add(key + ": " + problem);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    public void addAll(ConfigProblems other) {
        messages.addAll(other.messages);
        keys.addAll(other.keys);
    }

    /** @throws ConfigurationException listing every problem, if there is any */
    public void throwIfAny(String title) {
        if (!messages.isEmpty()) {
            throw new ConfigurationException(title + ":\n  - " + String.join("\n  - ", messages), Set.copyOf(keys));
        }
    }
}
