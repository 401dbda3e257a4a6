package io.quarkiverse.alioss.runtime.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.credentials.OssCredentialsProvider;
import io.quarkiverse.alioss.runtime.signing.OssRequestSigner;
import io.quarkiverse.alioss.runtime.signing.QueryParam;
import io.quarkiverse.alioss.runtime.signing.SignableRequest;

/** For stub-server tests: "signs" header requests with {@code Authorization: TEST <n>} so tests see each signing. */
final class CountingSigner implements OssRequestSigner {

    static final OssCredentialsProvider CREDENTIALS = () -> OssCredentials.of("ak", "sk");

    private final AtomicInteger count = new AtomicInteger();

    @Override
    public void signHeaders(SignableRequest request, OssCredentials credentials, Instant signingTime) {
        request.header("Authorization", "TEST " + count.incrementAndGet());
    }

    @Override
    public List<QueryParam> presign(SignableRequest request, OssCredentials credentials, Instant signingTime,
            Duration validity) {
        throw new UnsupportedOperationException("not used by stub tests");
    }

    @Override
    public Map<String, String> postPolicyConditions(OssCredentials credentials, Instant signingTime) {
        throw new UnsupportedOperationException("not used by stub tests");
    }

    @Override
    public String postObjectSignatureField() {
        throw new UnsupportedOperationException("not used by stub tests");
    }

    @Override
    public String signPostPolicy(String base64Policy, OssCredentials credentials, Instant signingTime) {
        throw new UnsupportedOperationException("not used by stub tests");
    }
}
