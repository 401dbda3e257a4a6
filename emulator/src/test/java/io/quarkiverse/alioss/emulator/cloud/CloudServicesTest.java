package io.quarkiverse.alioss.emulator.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.sts.AssumeRoleRequest;
import com.aliyuncs.auth.sts.AssumeRoleResponse;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;

import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.vertx.core.json.JsonObject;

/** The emulated STS and ECS metadata service, and the OSS side's treatment of the credentials they issue. */
class CloudServicesTest {

    private static final String ROLE_ARN = "acs:ram::1234567890123456:role/uploader";
    private static final Duration LIFETIME = Duration.ofSeconds(3);

    private static OssEmulator emulator;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        emulator = OssEmulator.start(OssEmulatorOptions.builder().bucket("cloud").eventLoops(1)
                .temporaryCredentialLifetime(LIFETIME).build());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void metadataServiceHandsOutRoleCredentialsAfterTheTokenHandshake() throws Exception {
        HttpResponse<String> token = send(HttpRequest.newBuilder(cloud("/latest/api/token"))
                .header(MetadataService.TTL_HEADER, "60").PUT(HttpRequest.BodyPublishers.noBody()));
        assertThat(token.statusCode()).isEqualTo(200);

        HttpResponse<String> role = send(HttpRequest.newBuilder(cloud(MetadataService.CREDENTIALS_PATH))
                .header(MetadataService.TOKEN_HEADER, token.body()));
        assertThat(role.body()).isEqualTo(OssEmulatorOptions.DEFAULT_ECS_ROLE_NAME);

        HttpResponse<String> credentials = send(HttpRequest.newBuilder(cloud(MetadataService.CREDENTIALS_PATH
                + role.body())).header(MetadataService.TOKEN_HEADER, token.body()));
        JsonObject json = new JsonObject(credentials.body());
        assertThat(json.getString("Code")).isEqualTo("Success");
        assertThat(json.getString("AccessKeyId")).startsWith("STS.");
        assertThat(Instant.parse(json.getString("Expiration")))
                .isBetween(Instant.now().minusSeconds(1), Instant.now().plus(LIFETIME));
    }

    @Test
    void metadataServiceRefusesReadsWithoutAValidTokenAndProxiedTokenRequests() throws Exception {
        assertThat(send(HttpRequest.newBuilder(cloud(MetadataService.CREDENTIALS_PATH))).statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(cloud(MetadataService.CREDENTIALS_PATH))
                .header(MetadataService.TOKEN_HEADER, "forged")).statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(cloud("/latest/api/token"))
                .header(MetadataService.TTL_HEADER, "0").PUT(HttpRequest.BodyPublishers.noBody())).statusCode())
                .isEqualTo(400);
        assertThat(send(HttpRequest.newBuilder(cloud("/latest/api/token")).header(MetadataService.TTL_HEADER, "60")
                .header("X-Forwarded-For", "10.0.0.1").PUT(HttpRequest.BodyPublishers.noBody())).statusCode())
                .isEqualTo(403);
    }

    @Test
    void assumeRoleSignedByTheOfficialSdkIsAccepted() throws Exception {
        DefaultAcsClient client = new DefaultAcsClient(DefaultProfile.getProfile(emulator.region(),
                emulator.accessKeyId(), emulator.accessKeySecret()));
        AssumeRoleRequest request = new AssumeRoleRequest();
        request.setSysEndpoint(URI.create(emulator.cloudUrl()).getAuthority());
        request.setSysProtocol(ProtocolType.HTTP);
        request.setRoleArn(ROLE_ARN);
        request.setRoleSessionName("sdk-session");
        request.setDurationSeconds(3600L);
        AssumeRoleResponse response = client.getAcsResponse(request);
        assertThat(response.getCredentials().getAccessKeyId()).startsWith("STS.");
        assertThat(response.getAssumedRoleUser().getArn()).isEqualTo(ROLE_ARN + "/sdk-session");
    }

    @Test
    void assumeRoleRefusesAWrongSignatureAndAReplayedNonce() throws Exception {
        Map<String, String> params = assumeRole();
        params.put("Signature", RpcSignature.sign("GET", params, "not-the-secret"));
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(cloud("/?" + query(params))));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(wrong.body()).getString("Code")).isEqualTo("SignatureDoesNotMatch");

        Map<String, String> good = assumeRole();
        good.put("Signature", RpcSignature.sign("GET", good, emulator.accessKeySecret()));
        assertThat(send(HttpRequest.newBuilder(cloud("/?" + query(good)))).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = send(HttpRequest.newBuilder(cloud("/?" + query(good))));
        assertThat(new JsonObject(replay.body()).getString("Code")).isEqualTo("SignatureNonceUsed");
    }

    @Test
    void assumeRoleWithOidcIsAnonymousButNeedsAToken() throws Exception {
        String form = "Action=AssumeRoleWithOIDC&Format=JSON&Version=2015-04-01&RoleArn=" + encode(ROLE_ARN)
                + "&OIDCProviderArn=" + encode("acs:ram::1234567890123456:oidc-provider/ack") + "&OIDCToken=";
        HttpResponse<String> ok = send(HttpRequest.newBuilder(cloud("/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "eyJh.eyJz.c2ln")));
        assertThat(new JsonObject(ok.body()).getJsonObject("Credentials").getString("AccessKeyId")).startsWith("STS.");
        HttpResponse<String> bad = send(HttpRequest.newBuilder(cloud("/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "not-a-jwt")));
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void ossAcceptsIssuedCredentialsWithTheirTokenOnlyUntilTheyExpire() throws Exception {
        Map<String, String> params = assumeRole();
        params.put("Signature", RpcSignature.sign("GET", params, emulator.accessKeySecret()));
        JsonObject issued = new JsonObject(send(HttpRequest.newBuilder(cloud("/?" + query(params)))).body())
                .getJsonObject("Credentials");
        String id = issued.getString("AccessKeyId");
        String secret = issued.getString("AccessKeySecret");
        String token = issued.getString("SecurityToken");

        OSS withToken = oss(id, secret, token);
        withToken.putObject("cloud", "sts.txt", new ByteArrayInputStream(new byte[] { 1 }));
        assertThat(emulator.hasObject("cloud", "sts.txt")).isTrue();

        OSS withoutToken = oss(id, secret, null);
        assertThatThrownBy(() -> withoutToken.getObject("cloud", "sts.txt")).isInstanceOf(OSSException.class)
                .extracting(e -> ((OSSException) e).getErrorCode()).isEqualTo("InvalidSecurityToken");

        Thread.sleep(Duration.between(Instant.now(), Instant.parse(issued.getString("Expiration"))).toMillis() + 1100);
        assertThatThrownBy(() -> withToken.getObject("cloud", "sts.txt")).isInstanceOf(OSSException.class)
                .extracting(e -> ((OSSException) e).getErrorCode()).isEqualTo("SecurityTokenExpired");
        withToken.shutdown();
        withoutToken.shutdown();
    }

    private static OSS oss(String id, String secret, String token) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setMaxErrorRetry(0);
        conf.setSignatureVersion(SignVersion.V4);
        return OSSClientBuilder.create().endpoint(emulator.baseUrl()).region(emulator.region())
                .credentialsProvider(token == null ? new DefaultCredentialProvider(id, secret)
                        : new DefaultCredentialProvider(id, secret, token))
                .clientConfiguration(conf).build();
    }

    private static Map<String, String> assumeRole() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Action", "AssumeRole");
        params.put("Format", "JSON");
        params.put("Version", "2015-04-01");
        params.put("AccessKeyId", emulator.accessKeyId());
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("SignatureVersion", "1.0");
        params.put("SignatureNonce", UUID.randomUUID().toString());
        params.put("Timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        params.put("RoleArn", ROLE_ARN);
        params.put("RoleSessionName", "test");
        return params;
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static URI cloud(String path) {
        return URI.create(emulator.cloudUrl() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
