package io.quarkiverse.alioss.emulator.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.Bucket;
import com.aliyun.oss.model.BucketList;
import com.aliyun.oss.model.GetObjectRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListBucketsRequest;
import com.aliyun.oss.model.ListMultipartUploadsRequest;
import com.aliyun.oss.model.MultipartUpload;
import com.aliyun.oss.model.MultipartUploadListing;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.UploadPartRequest;

import io.quarkiverse.alioss.emulator.http.RawHttp;
import io.quarkiverse.alioss.emulator.http.SignedHttp;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/** Where the emulator used to differ from OSS (issue 16, items 2 to 9), checked through the SDK or plain HTTP. */
class OssFidelityTest {

    private static final String BUCKET = "fidelity";
    /** Any ISO timestamp in a listing; OSS's always end in .000Z. */
    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");

    @RegisterExtension
    static final EmulatorWithSdk EMULATOR = new EmulatorWithSdk(BUCKET);

    private static void put(String bucket, String key, String content) {
        EMULATOR.oss().putObject(bucket, key, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static String get(String bucket, String key, Map<String, String> query) throws Exception {
        RawHttp.Response response = EMULATOR.http().send(HttpMethod.GET, bucket, key, query, null, null);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.text();
    }

    private static void assertWholeSecondTimestamps(String xml, int atLeast) {
        Matcher m = ISO_TIME.matcher(xml);
        int found = 0;
        while (m.find()) {
            assertThat(m.group()).as(xml).endsWith(".000Z");
            found++;
        }
        assertThat(found).as(xml).isGreaterThanOrEqualTo(atLeast);
    }

    // item 2
    @Test
    void everyListingTimestampEndsInWholeSecondsAsOssSendsThem() throws Exception {
        EMULATOR.oss().createBucket("times");
        put("times", "t.txt", "time");
        String uploadId = EMULATOR.oss().initiateMultipartUpload(new InitiateMultipartUploadRequest("times", "m.bin"))
                .getUploadId();
        EMULATOR.oss()
                .uploadPart(new UploadPartRequest("times", "m.bin", uploadId, 1, new ByteArrayInputStream(new byte[3]), 3));

        assertWholeSecondTimestamps(get("times", null, Map.of()), 1);
        assertWholeSecondTimestamps(get("times", null, Map.of("list-type", "2")), 1);
        assertWholeSecondTimestamps(get("times", null, Map.of("uploads", "")), 1);
        assertWholeSecondTimestamps(get("times", "m.bin", Map.of("uploadId", uploadId)), 1);
        assertWholeSecondTimestamps(get(null, null, Map.of()), 2);
        assertWholeSecondTimestamps(get("times", null, Map.of("bucketInfo", "")), 1);
        // and the SDK's parsers take them
        assertThat(EMULATOR.oss().listObjects("times").getObjectSummaries().get(0).getLastModified()).isNotNull();
        assertThat(EMULATOR.oss().listMultipartUploads(new ListMultipartUploadsRequest("times")).getMultipartUploads().get(0)
                .getInitiated()).isNotNull();
    }

    // item 3
    @Test
    void emptyContinuationTokenLeavesStartAfterInForce() throws Exception {
        EMULATOR.oss().createBucket("tokens");
        for (String key : List.of("a", "b", "c")) {
            put("tokens", key, key);
        }
        String xml = get("tokens", null,
                SignedHttp.query("list-type", "2", "continuation-token", "", "start-after", "a"));
        assertThat(keys(xml)).containsExactly("b", "c");
    }

    private static List<String> keys(String xml) {
        List<String> keys = new ArrayList<>();
        Matcher m = Pattern.compile("<Key>([^<]*)</Key>").matcher(xml);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    // item 4
    @Test
    void multipartUploadsPageByKeyAndUploadIdAndGroupByDelimiter() {
        EMULATOR.oss().createBucket("uploads");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(EMULATOR.oss().initiateMultipartUpload(new InitiateMultipartUploadRequest("uploads", "same.bin"))
                    .getUploadId());
        }
        EMULATOR.oss().initiateMultipartUpload(new InitiateMultipartUploadRequest("uploads", "dir/a.bin"));
        EMULATOR.oss().initiateMultipartUpload(new InitiateMultipartUploadRequest("uploads", "dir/b.bin"));

        List<String> listed = new ArrayList<>();
        ListMultipartUploadsRequest request = new ListMultipartUploadsRequest("uploads");
        request.setPrefix("same");
        request.setMaxUploads(2);
        int pages = 0;
        MultipartUploadListing page;
        do {
            page = EMULATOR.oss().listMultipartUploads(request);
            page.getMultipartUploads().forEach(u -> listed.add(u.getUploadId()));
            request.setKeyMarker(page.getNextKeyMarker());
            request.setUploadIdMarker(page.getNextUploadIdMarker());
            pages++;
        } while (page.isTruncated());
        assertThat(pages).isEqualTo(3);
        assertThat(listed).containsExactlyElementsOf(ids.stream().sorted().toList());

        ListMultipartUploadsRequest grouped = new ListMultipartUploadsRequest("uploads");
        grouped.setDelimiter("/");
        MultipartUploadListing top = EMULATOR.oss().listMultipartUploads(grouped);
        assertThat(top.getCommonPrefixes()).containsExactly("dir/");
        assertThat(top.getMultipartUploads()).extracting(MultipartUpload::getKey).containsOnly("same.bin")
                .hasSize(5);
    }

    // item 5
    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = { "V1", "V4" })
    void utf8MetadataIsSignedAndStoredAsSent(SignVersion version) throws IOException {
        OSS client = SdkClients.client(EMULATOR.emulator(), version);
        try {
            ObjectMetadata metadata = new ObjectMetadata();
            // the SDK's HTTP client turns header bytes 0x80-0x9F into '?', so no character here encodes to one
            metadata.addUserMetadata("author", "张中 Zoë");
            client.putObject(BUCKET, "utf8-" + version, new ByteArrayInputStream(new byte[] { 1 }), metadata);
            assertThat(client.getObjectMetadata(BUCKET, "utf8-" + version).getUserMetadata())
                    .containsEntry("author", "张中 Zoë");
        } finally {
            client.shutdown();
        }
    }

    // item 6
    @Test
    void deleteMultipleObjectsDeletesKeysWithControlCharacters() throws Exception {
        put(BUCKET, "ctl\u0001url", "x");
        put(BUCKET, "ctl\u0002ref", "x");
        RawHttp.Response urlEncoded = EMULATOR.http().send(HttpMethod.POST, BUCKET, null,
                SignedHttp.query("delete", "", "encoding-type", "url"), null,
                Buffer.buffer("<Delete><Quiet>false</Quiet><Object><Key>ctl%01url</Key></Object></Delete>"));
        assertThat(urlEncoded.status()).as(urlEncoded.text()).isEqualTo(200);
        assertThat(urlEncoded.text()).contains("<Key>ctl%01url</Key>");
        RawHttp.Response referenced = EMULATOR.http().send(HttpMethod.POST, BUCKET, null, SignedHttp.query("delete", ""),
                null, Buffer.buffer("<Delete><Quiet>true</Quiet><Object><Key>ctl&#x02;ref</Key></Object></Delete>"));
        assertThat(referenced.status()).as(referenced.text()).isEqualTo(200);
        assertThat(EMULATOR.emulator().hasObject(BUCKET, "ctl\u0001url")).isFalse();
        assertThat(EMULATOR.emulator().hasObject(BUCKET, "ctl\u0002ref")).isFalse();
    }

    // item 7
    @Test
    void objectNamesOssRefusesAreInvalidObjectName() throws Exception {
        assertThatThrownBy(() -> put(BUCKET, "/leading-slash", "x")).isInstanceOfSatisfying(OSSException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("InvalidObjectName"));
        for (String key : List.of("\\leading-backslash", "k".repeat(1024), "é".repeat(512))) {
            RawHttp.Response response = EMULATOR.http().send(HttpMethod.PUT, BUCKET, key, null, null, Buffer.buffer("x"));
            assertThat(response.status()).as(key).isEqualTo(400);
            assertThat(response.text()).contains("<Code>InvalidObjectName</Code>");
            assertThat(EMULATOR.emulator().hasObject(BUCKET, key)).isFalse();
        }
        put(BUCKET, "k".repeat(1023), "longest allowed");
        assertThat(EMULATOR.emulator().hasObject(BUCKET, "k".repeat(1023))).isTrue();
    }

    // item 8
    @Test
    void conditionalGetsAnswer304And412() throws IOException {
        put(BUCKET, "cond.txt", "conditional");
        ObjectMetadata head = EMULATOR.oss().getObjectMetadata(BUCKET, "cond.txt");
        String etag = head.getETag();
        Date modified = head.getLastModified();
        Date before = new Date(modified.getTime() - 60_000);
        Date after = new Date(modified.getTime() + 60_000);

        assertCode(request(r -> r.setMatchingETagConstraints(List.of("\"0000\""))), "PreconditionFailed");
        assertCode(request(r -> r.setNonmatchingETagConstraints(List.of("\"" + etag + "\""))), "NotModified");
        assertCode(request(r -> r.setModifiedSinceConstraint(after)), "NotModified");
        assertCode(request(r -> r.setUnmodifiedSinceConstraint(before)), "PreconditionFailed");

        for (GetObjectRequest ok : List.of(request(r -> r.setMatchingETagConstraints(List.of("\"" + etag + "\""))),
                request(r -> r.setNonmatchingETagConstraints(List.of("\"0000\""))),
                request(r -> r.setModifiedSinceConstraint(before)), request(r -> r.setUnmodifiedSinceConstraint(after)))) {
            try (OSSObject object = EMULATOR.oss().getObject(ok)) {
                assertThat(object.getObjectContent().readAllBytes()).asString(StandardCharsets.UTF_8)
                        .isEqualTo("conditional");
            }
        }
    }

    private static GetObjectRequest request(Consumer<GetObjectRequest> condition) {
        GetObjectRequest request = new GetObjectRequest(BUCKET, "cond.txt");
        condition.accept(request);
        return request;
    }

    private static void assertCode(GetObjectRequest request, String code) {
        assertThatThrownBy(() -> EMULATOR.oss().getObject(request).close()).isInstanceOfSatisfying(OSSException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(code));
    }

    // item 9
    @Test
    void wrongRegionIsInvalidArgumentWithItsEc() throws Exception {
        try (SignedHttp elsewhere = new SignedHttp(EMULATOR.emulator()).region("cn-shanghai")) {
            RawHttp.Response response = elsewhere.send(HttpMethod.GET, BUCKET, null, null, null, null);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.headers().get("x-oss-ec")).isEqualTo("0002-00000226");
            assertThat(response.text()).contains("<Code>InvalidArgument</Code>")
                    .contains("<Message>Invalid signing region in Authorization header.</Message>");
        }
        OSS shanghai = SdkClients.client(EMULATOR.emulator().baseUrl(), "cn-shanghai", EMULATOR.emulator().accessKeyId(),
                EMULATOR.emulator().accessKeySecret());
        try {
            assertThatThrownBy(() -> shanghai.listObjects(BUCKET)).isInstanceOfSatisfying(OSSException.class,
                    e -> assertThat(e.getErrorCode()).isEqualTo("InvalidArgument"));
        } finally {
            shanghai.shutdown();
        }
    }

    @Test
    void listBucketsHonoursPrefixMarkerAndMaxKeys() {
        for (String name : List.of("pfx-one", "pfx-two", "pfx-three")) {
            EMULATOR.oss().createBucket(name);
        }
        BucketList first = EMULATOR.oss().listBuckets(new ListBucketsRequest("pfx-", null, 2));
        assertThat(first.getBucketList()).extracting(Bucket::getName).containsExactly("pfx-one", "pfx-three");
        assertThat(first.isTruncated()).isTrue();
        BucketList rest = EMULATOR.oss().listBuckets(new ListBucketsRequest("pfx-", first.getNextMarker(), 2));
        assertThat(rest.getBucketList()).extracting(Bucket::getName).containsExactly("pfx-two");
        assertThat(rest.isTruncated()).isFalse();
    }

    @Test
    void anonymousRequestToAMissingBucketIsNoSuchBucket() throws Exception {
        try (RawHttp raw = new RawHttp(EMULATOR.emulator().port())) {
            RawHttp.Response missing = raw.send(HttpMethod.GET, "/no-such-bucket/key", MultiMap.caseInsensitiveMultiMap(),
                    null);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.text()).contains("<Code>NoSuchBucket</Code>");
            RawHttp.Response existing = raw.send(HttpMethod.GET, "/" + BUCKET + "/key", null, null);
            assertThat(existing.status()).isEqualTo(403);
        }
    }
}
