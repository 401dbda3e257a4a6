package io.quarkiverse.alioss.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.ListPartsRequest;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.ObjectMetadata;

import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.quarkiverse.alioss.emulator.http.RawHttp;
import io.quarkiverse.alioss.emulator.http.SignedHttp;
import io.quarkiverse.alioss.emulator.sdk.SdkClients;
import io.quarkiverse.alioss.emulator.server.ApiOperation.Condition;
import io.quarkiverse.alioss.emulator.server.ApiOperation.Scope;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/**
 * Every sub-resource and header-selected operation of OSS's API that the emulator does not implement, with every HTTP
 * method: answered 501 NotImplemented in OSS's error XML, and the object and bucket are left exactly as they were.
 */
class NotImplementedOperationsTest {

    private static final String BUCKET = "api-bucket";
    private static final String KEY = "victim.txt";
    private static final byte[] CONTENT = "original bytes".getBytes(StandardCharsets.UTF_8);
    private static final List<String> METHODS = List.of("GET", "PUT", "POST", "DELETE", "HEAD");

    private static OssEmulator emulator;
    private static OSS oss;
    private static SignedHttp http;
    private static String etag;

    @BeforeAll
    static void start() {
        emulator = OssEmulator.start(OssEmulatorOptions.builder().bucket(BUCKET).build());
        oss = SdkClients.client(emulator, SignVersion.V4);
        http = new SignedHttp(emulator);
        ObjectMetadata metadata = new ObjectMetadata();
        metadata.addUserMetadata("owner", "alice");
        metadata.setContentType("text/plain");
        etag = oss.putObject(BUCKET, KEY, new ByteArrayInputStream(CONTENT), metadata).getETag();
    }

    @AfterAll
    static void stop() {
        oss.shutdown();
        http.close();
        emulator.close();
    }

    /** Every (scope, sub-resource, method) that no implemented operation answers. */
    static Stream<Arguments> unimplementedSubResources() {
        List<Arguments> cases = new ArrayList<>();
        for (String subResource : ApiCatalogue.SUB_RESOURCES) {
            for (Scope scope : List.of(Scope.BUCKET, Scope.OBJECT)) {
                for (String method : METHODS) {
                    if (!implemented(scope, method, subResource, Condition.NONE)) {
                        cases.add(Arguments.of(scope, subResource, method));
                    }
                }
            }
        }
        return cases.stream();
    }

    private static boolean implemented(Scope scope, String method, String subResource, Condition condition) {
        return ApiCatalogue.OPERATIONS.stream().anyMatch(o -> o.scope() == scope && o.method().equals(method)
                && Objects.equals(o.subResource(), subResource) && o.condition() == condition && o.implemented());
    }

    @ParameterizedTest(name = "{2} {0} ?{1}")
    @MethodSource("unimplementedSubResources")
    void unimplementedSubResourceIsRefusedAndTouchesNothing(Scope scope, String subResource, String method)
            throws Exception {
        RawHttp.Response response = http.send(HttpMethod.valueOf(method), BUCKET,
                scope == Scope.OBJECT ? KEY : null, SignedHttp.query(subResource, "x"), null,
                method.equals("PUT") || method.equals("POST") ? Buffer.buffer("<Replaced>body</Replaced>") : null);
        assertNotImplemented(response, method);
        assertUntouched();
    }

    // none is left unimplemented today (UploadPartCopy was the last); the test stays for any added to the catalogue
    @ParameterizedTest(name = "{0} {1}", allowZeroInvocations = true)
    @MethodSource("unimplementedHeaderSelected")
    void unimplementedHeaderSelectedOperationIsRefusedAndTouchesNothing(String name, String method,
            String subResource) throws Exception {
        String uploadId = oss.initiateMultipartUpload(
                new com.aliyun.oss.model.InitiateMultipartUploadRequest(BUCKET, KEY)).getUploadId();
        Map<String, String> query = subResource == null ? Map.of()
                : SignedHttp.query(subResource, uploadId, "partNumber", "1");
        RawHttp.Response response = http.send(HttpMethod.valueOf(method), BUCKET, KEY, query,
                MultiMap.caseInsensitiveMultiMap().add("x-oss-copy-source", "/" + BUCKET + "/" + KEY), null);
        assertNotImplemented(response, method);
        assertUntouched();
        assertThat(oss.listParts(new ListPartsRequest(BUCKET, KEY, uploadId)).getParts()).isEmpty();
        oss.abortMultipartUpload(new com.aliyun.oss.model.AbortMultipartUploadRequest(BUCKET, KEY, uploadId));
    }

    static Stream<Arguments> unimplementedHeaderSelected() {
        return ApiCatalogue.OPERATIONS.stream()
                .filter(o -> o.condition() == Condition.COPY_SOURCE && !o.implemented())
                .map(o -> Arguments.of(o.name(), o.method(), o.subResource()));
    }

    private static void assertNotImplemented(RawHttp.Response response, String method) {
        assertThat(response.status()).as(response.text()).isEqualTo(501);
        String xml = method.equals("HEAD")
                ? new String(Base64.getDecoder().decode(response.headers().get("x-oss-err")), StandardCharsets.UTF_8)
                : response.text();
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NotImplemented</Code>")
                .contains("<Message>The emulator does not implement ")
                .contains("<RequestId>" + response.headers().get("x-oss-request-id") + "</RequestId>")
                .contains("<HostId>");
        assertThat(response.headers().get("Content-Type")).isEqualTo(method.equals("HEAD") ? null : "application/xml");
    }

    private static void assertUntouched() throws Exception {
        try (var object = oss.getObject(BUCKET, KEY)) {
            assertThat(object.getObjectContent().readAllBytes()).isEqualTo(CONTENT);
            ObjectMetadata metadata = object.getObjectMetadata();
            assertThat(metadata.getETag()).isEqualTo(etag);
            assertThat(metadata.getUserMetadata()).isEqualTo(Map.of("owner", "alice"));
            assertThat(metadata.getContentType()).isEqualTo("text/plain");
        }
        // a listing of the bucket also shows that the bucket still exists
        assertThat(oss.listObjects(BUCKET).getObjectSummaries()).extracting(OSSObjectSummary::getKey)
                .containsExactly(KEY);
    }
}
