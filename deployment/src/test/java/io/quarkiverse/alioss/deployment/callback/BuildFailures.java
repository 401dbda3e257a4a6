package io.quarkiverse.alioss.deployment.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Asserts on the messages of a failed build, wherever Quarkus nested them (causes and suppressed exceptions). */
final class BuildFailures {

    private BuildFailures() {
    }

    static Consumer<Throwable> withMessagesContaining(String... fragments) {
        return failure -> {
            String all = String.join("\n", messages(failure, new ArrayList<>()));
            for (String fragment : fragments) {
                assertThat(all).as("build failure messages").contains(fragment);
            }
        };
    }

    private static List<String> messages(Throwable failure, List<String> into) {
        if (failure == null || into.size() > 50) {
            return into;
        }
        into.add(String.valueOf(failure.getMessage()));
        for (Throwable suppressed : failure.getSuppressed()) {
            messages(suppressed, into);
        }
        return messages(failure.getCause() == failure ? null : failure.getCause(), into);
    }
}
