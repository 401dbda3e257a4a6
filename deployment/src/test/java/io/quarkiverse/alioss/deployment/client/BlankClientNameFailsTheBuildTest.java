package io.quarkiverse.alioss.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssClientName;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code @OssClientName("")} names no configuration: the build fails with a message naming the injection point and
 * saying what to write, as a build problem among the others, not hidden behind ArC's unsatisfied dependency.
 */
class BlankClientNameFailsTheBuildTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(Archive.class))
            .assertException(thrown -> {
                String messages = messages(thrown);
                assertThat(messages).contains("@OssClientName needs a client name")
                        .contains("@OssClientName(\"archive\")").contains("Archive").contains("client");
                assertThat(messages).doesNotContain("Unsatisfied dependency");
            });

    @ApplicationScoped
    static class Archive {
        @Inject
        @OssClientName("")
        OssClient client;
    }

    private static String messages(Throwable thrown) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
            for (Throwable suppressed : t.getSuppressed()) {
                all.append(suppressed.getMessage()).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void buildFails() {
        // the assertion is on the build failure above
    }
}
