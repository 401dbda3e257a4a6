package io.quarkiverse.alioss.deployment.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.OssCallbackFailedException;
import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.callback.CallbackTemplateName;
import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A method that takes longer than OSS waits (5 s), or replies more than OSS passes on (1 MB), succeeds in the
 * application's eyes, but OSS (here the emulator) tells the uploader 203 CallbackFailed: the application says so with a
 * WARN naming the method.
 */
class RepliesOssCannotPassOnWarnTest {

    static final String SECRET = "replies-oss-cannot-pass-on-warn-test-secret-0123";

    @RegisterExtension
    static final QuarkusUnitTest app = TestEmulator.configure(new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Callbacks.class, TestEmulator.class, RefusalRecords.class)),
            SECRET);

    @ApplicationScoped
    static class Callbacks {

        @OssCallback(path = "/oss/slow", name = "slow")
        String slow(@CallbackVar("user") String user) throws InterruptedException {
            Thread.sleep(6_000);
            return user;
        }

        @OssCallback(path = "/oss/large", name = "large")
        String large(@CallbackVar("user") String user) {
            return "x".repeat(2 * 1024 * 1024);
        }
    }

    @Inject
    OssClient client;

    @Inject
    @CallbackTemplateName("slow")
    OssCallbackTemplate slow;

    @Inject
    @CallbackTemplateName("large")
    OssCallbackTemplate large;

    RefusalRecords log;

    @BeforeEach
    void capture() {
        log = RefusalRecords.capture();
    }

    @Test
    void slowMethodWarnsAndTheUploaderGets203() throws InterruptedException {
        OssCallbackFailedException failure = catchThrowableOfType(OssCallbackFailedException.class,
                () -> client.putObject("warn/slow.txt", "slow".getBytes(StandardCharsets.UTF_8),
                        UploadOptions.defaults().callback(slow.fill(Map.of("user", "alice")))));

        assertThat(failure.status()).isEqualTo(203);
        assertThat(failure.code()).isEqualTo("CallbackFailed");
        // OSS gives up at 5 s, the method ends at 6 s: the WARN comes once the method is done
        assertThat(awaitWarning("took")).singleElement().asString()
                .startsWith("OSS callback slow (")
                .contains("longer than the 5 s OSS waits", "203 CallbackFailed");
    }

    @Test
    void largeReplyWarnsAndTheUploaderGets203() throws InterruptedException {
        OssCallbackFailedException failure = catchThrowableOfType(OssCallbackFailedException.class,
                () -> client.putObject("warn/large.txt", "large".getBytes(StandardCharsets.UTF_8),
                        UploadOptions.defaults().callback(large.fill(Map.of("user", "bob")))));

        assertThat(failure.status()).isEqualTo(203);
        assertThat(failure.code()).isEqualTo("CallbackFailed");
        assertThat(awaitWarning("replied")).singleElement().asString()
                .startsWith("OSS callback large (")
                .contains("more than the 1048576 OSS passes on", "203 CallbackFailed");
    }

    /** The WARNs logged so far that contain {@code word}, waiting up to 10 s for the first. */
    private List<String> awaitWarning(String word) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<String> warnings = log.warnings().stream().filter(m -> m.contains(" " + word + " ")).toList();
            if (!warnings.isEmpty()) {
                return warnings;
            }
            Thread.sleep(100);
        }
        return List.of();
    }
}
