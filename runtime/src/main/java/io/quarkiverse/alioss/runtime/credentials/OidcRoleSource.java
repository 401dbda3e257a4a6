package io.quarkiverse.alioss.runtime.credentials;

import java.util.LinkedHashMap;
import java.util.Map;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * RRSA: STS AssumeRoleWithOIDC with the OIDC token a pod's service account gets in a file (re-read on every fetch, as
 * the platform rotates it). The call is anonymous: the token is the proof.
 */
final class OidcRoleSource implements CredentialsSource {

    private static final long TIMEOUT_MS = 10_000;

    private final StsCall call;
    private final String providerArn;
    private final String tokenFile;

    OidcRoleSource(StsCall call, String providerArn, String tokenFile) {
        this.call = call;
        this.providerArn = providerArn;
        this.tokenFile = tokenFile;
    }

    @Override
    public String describe() {
        return "oidc-role (role " + call.roleArn() + " with the token in " + tokenFile + " at " + call.endpoint() + ")";
    }

    @Override
    public Fetch open(Vertx vertx, WebClient web) {
        return () -> vertx.fileSystem().readFile(tokenFile)
                .onFailure().transform(e -> new IllegalStateException("Cannot read the OIDC token file " + tokenFile
                        + ": " + e.getMessage(), e))
                .chain(token -> send(web, token.toString().trim()));
    }

    private Uni<ExpiringCredentials> send(WebClient web, String token) {
        Map<String, String> all = call.parameters("AssumeRoleWithOIDC");
        Map<String, String> query = new LinkedHashMap<>();
        for (String common : new String[] { "Action", "Format", "Version", "Timestamp" }) {
            query.put(common, all.remove(common));
        }
        all.put("OIDCProviderArn", providerArn);
        all.put("OIDCToken", token);
        return web.postAbs(call.url(query)).timeout(TIMEOUT_MS)
                .putHeader("Content-Type", "application/x-www-form-urlencoded")
                .sendBuffer(Buffer.buffer(RpcSigner.query(all)))
                .map(response -> StsAnswers.credentials(
                        StsAnswers.json(response, "STS AssumeRoleWithOIDC").getJsonObject("Credentials"),
                        "STS AssumeRoleWithOIDC"));
    }
}
