package io.quarkiverse.alioss.deployment.callback.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/** Asserts on the build failure QuarkusUnitTest reports, whatever layer of causes carries the message. */
final class BuildErrors {

    private BuildErrors() {
    }

    /** Passes when some message in the chain contains every fragment (e.g. the method name and the problem). */
    static Consumer<Throwable> mentioning(String... fragments) {
        return thrown -> {
            String messages = messages(thrown, new HashSet<>());
            assertThat(messages).contains(fragments);
        };
    }

    private static String messages(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return "";
        }
        StringBuilder all = new StringBuilder(String.valueOf(t.getMessage())).append('\n');
        for (Throwable suppressed : t.getSuppressed()) {
            all.append(messages(suppressed, seen));
        }
        return all.append(messages(t.getCause(), seen)).toString();
    }
}
