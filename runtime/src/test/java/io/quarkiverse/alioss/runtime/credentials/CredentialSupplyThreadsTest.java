package io.quarkiverse.alioss.runtime.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.credentials.OssCredentialsProvider;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;

/** Where a request attempt started on an event loop gets its credentials: in place when they are in memory. */
class CredentialSupplyThreadsTest {

    private static final OssCredentials KEYS = OssCredentials.of("id", "secret");

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.closeAndAwait();
    }

    @Test
    void fixedCredentialsAreAnsweredOnTheEventLoopBeforeSubscribeReturns() throws Exception {
        CredentialSupply supply = CredentialSupply.of(vertx, OssCredentialsProvider.fixed(KEYS));

        Answer answer = askOnEventLoop(supply).get(5, TimeUnit.SECONDS);

        assertThat(answer.credentials()).isSameAs(KEYS);
        assertThat(answer.inPlace()).as("no hop to a worker thread and back").isTrue();
        assertThat(answer.thread()).startsWith("vert.x-eventloop-thread");
    }

    @Test
    void aProviderThatMayBlockIsAskedOnAWorkerThread() throws Exception {
        String[] askedOn = new String[1];
        OssCredentialsProvider mayBlock = () -> {
            askedOn[0] = Thread.currentThread().getName();
            return KEYS;
        };
        CredentialSupply supply = CredentialSupply.of(vertx, mayBlock);

        Answer answer = askOnEventLoop(supply).get(5, TimeUnit.SECONDS);

        // whether the answer arrives before subscribe returns depends on how fast the worker is: not asserted
        assertThat(answer.credentials()).isSameAs(KEYS);
        assertThat(askedOn[0]).startsWith("vert.x-worker-thread");
    }

    @Test
    void fixedCredentialsNameTheKeyIdButNotTheSecret() {
        OssCredentialsProvider fixed = OssCredentialsProvider.fixed(OssCredentials.of("LTAIexample", "fixed-secret"));

        assertThat(fixed.credentials().accessKeyId()).isEqualTo("LTAIexample");
        assertThat(CredentialSupply.of(vertx, fixed).source()).contains("LTAIexample").doesNotContain("fixed-secret");
    }

    private record Answer(OssCredentials credentials, boolean inPlace, String thread) {
    }

    private CompletableFuture<Answer> askOnEventLoop(CredentialSupply supply) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        vertx.runOnContext(() -> {
            assertThat(Context.isOnEventLoopThread()).isTrue();
            boolean[] subscribing = { true };
            supply.next().subscribe().with(
                    credentials -> answer.complete(new Answer(credentials, subscribing[0],
                            Thread.currentThread().getName())),
                    answer::completeExceptionally);
            subscribing[0] = false;
        });
        return answer;
    }
}
