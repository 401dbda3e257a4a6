package io.quarkiverse.alioss.runtime.credentials;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.credentials.OssCredentialsProvider;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/** STS AssumeRole, signed with the credentials of another source (RAM user key, ECS role, another session). */
final class AssumeRoleSource implements CredentialsSource {

    private static final long TIMEOUT_MS = 10_000;

    private final StsCall call;
    private final Optional<String> externalId;
    private final OssCredentialsProvider signer;

    AssumeRoleSource(StsCall call, Optional<String> externalId, OssCredentialsProvider signer) {
        this.call = call;
        this.externalId = externalId;
        this.signer = signer;
    }

    @Override
    public String describe() {
        return "assume-role (role " + call.roleArn() + " at " + call.endpoint() + ", signed with " + signer + ")";
    }

    @Override
    public Fetch open(Vertx vertx, WebClient web) {
        CredentialSupply signing = CredentialSupply.of(vertx, signer);
        return new Fetch() {
            @Override
            public io.smallrye.mutiny.Uni<ExpiringCredentials> fetch() {
                return signing.next().chain(credentials -> web.getAbs(call.url(signed(credentials)))
                        .timeout(TIMEOUT_MS).send())
                        .map(response -> StsAnswers.credentials(
                                StsAnswers.json(response, "STS AssumeRole").getJsonObject("Credentials"),
                                "STS AssumeRole"));
            }

            @Override
            public void close() {
                signing.close();
            }
        };
    }

    private Map<String, String> signed(OssCredentials credentials) {
        Map<String, String> parameters = call.parameters("AssumeRole");
        externalId.ifPresent(id -> parameters.put("ExternalId", id));
        parameters.put("AccessKeyId", credentials.accessKeyId());
        credentials.securityToken().ifPresent(token -> parameters.put("SecurityToken", token));
        parameters.put("SignatureMethod", "HMAC-SHA1");
        parameters.put("SignatureVersion", "1.0");
        parameters.put("SignatureNonce", UUID.randomUUID().toString());
        parameters.put("Signature", RpcSigner.sign("GET", parameters, credentials.accessKeySecret()));
        return parameters;
    }
}
