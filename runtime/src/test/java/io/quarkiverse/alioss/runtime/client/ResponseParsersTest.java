package io.quarkiverse.alioss.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.OssCallbackFailedException;
import io.quarkiverse.alioss.OssException;
import io.quarkiverse.alioss.model.ListPartsResult;

/** XML result and error documents as OSS sends them (shapes from the protocol reference, section 7). */
class ResponseParsersTest {

    @Test
    void initiateAcceptsDocumentsWithAndWithoutNamespace() {
        String plain = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><InitiateMultipartUploadResult><Bucket>b</Bucket>"
                + "<Key>multipart.data</Key><UploadId>0004B9894A22E5B1888A1E29F823ABCD</UploadId>"
                + "</InitiateMultipartUploadResult>";
        String namespaced = plain.replace("<InitiateMultipartUploadResult>",
                "<InitiateMultipartUploadResult xmlns=\"http://doc.oss-cn-hangzhou.aliyuncs.com\">");
        assertThat(ResponseParsers.initiateMultipartUpload(bytes(plain)).uploadId())
                .isEqualTo("0004B9894A22E5B1888A1E29F823ABCD");
        assertThat(ResponseParsers.initiateMultipartUpload(bytes(namespaced)).key()).isEqualTo("multipart.data");
    }

    @Test
    void listPartsReadsPartsMarkersAndCrc() {
        String xml = "<ListPartsResult><Bucket>bucket</Bucket><Key>object</Key><UploadId>U</UploadId>"
                + "<NextPartNumberMarker>5</NextPartNumberMarker><MaxParts>1000</MaxParts>"
                + "<IsTruncated>true</IsTruncated><Part><PartNumber>1</PartNumber>"
                + "<LastModified>2012-02-23T07:01:34.000Z</LastModified><ETag>\"3349DC70\"</ETag>"
                + "<HashCrc64ecma>11051210869376104954</HashCrc64ecma><Size>6291456</Size></Part></ListPartsResult>";
        ListPartsResult result = ResponseParsers.listParts(bytes(xml));
        assertThat(result.truncated()).isTrue();
        assertThat(result.nextPartNumberMarker()).hasValue(5);
        assertThat(result.parts()).singleElement().satisfies(part -> {
            assertThat(part.partNumber()).isEqualTo(1);
            assertThat(part.etag()).isEqualTo("3349DC70");
            assertThat(part.size()).isEqualTo(6291456);
            assertThat(part.crc64()).hasValue(0x995DC9BBDF1939FAL);
        });
    }

    @Test
    void listUploadsDecodesUrlEncodedKeys() {
        String xml = "<ListMultipartUploadsResult><EncodingType>url</EncodingType><IsTruncated>false</IsTruncated>"
                + "<Upload><Key>a%2Fb%20c</Key><UploadId>U1</UploadId><Initiated>2012-02-23T04:18:23.000Z</Initiated>"
                + "</Upload></ListMultipartUploadsResult>";
        assertThat(ResponseParsers.listMultipartUploads(bytes(xml)).uploads()).singleElement()
                .satisfies(u -> {
                    assertThat(u.key()).isEqualTo("a/b c");
                    assertThat(u.uploadId()).isEqualTo("U1");
                });
    }

    @Test
    void completeResultEtagIsUnquoted() {
        String xml = "<CompleteMultipartUploadResult><Location>l</Location><Bucket>b</Bucket><Key>k</Key>"
                + "<ETag>\"097DE458AD02B5F89F9D0530231876AB-3\"</ETag></CompleteMultipartUploadResult>";
        assertThat(ResponseParsers.completeMultipartUploadEtag(bytes(xml))).isEqualTo("097DE458AD02B5F89F9D0530231876AB-3");
    }

    @Test
    void wrongOrMalformedDocumentsFailWithAMessageNamingTheExpectedElement() {
        assertThatThrownBy(() -> ResponseParsers.listParts(bytes("<Other/>")))
                .hasMessageContaining("<ListPartsResult>").hasMessageContaining("<Other>");
        assertThatThrownBy(() -> ResponseParsers.listParts(bytes("<ListPartsResult><oops")))
                .hasMessageContaining("malformed <ListPartsResult>");
    }

    @Test
    void externalEntitiesAreNotResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Error><Code>&x;</Code></Error>";
        OssException e = OssErrors.fromResponse("GET", "k", 400, h -> null, bytes(xxe));
        assertThat(e.code()).doesNotContain("root:");
    }

    @Test
    void errorXmlIsMappedWithAllFields() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code>"
                + "<Message>The specified key does not exist.</Message><RequestId>6556E3AED11E553933CCDEDF</RequestId>"
                + "<HostId>demo.oss-cn-hangzhou.aliyuncs.com</HostId><Key>walker.txt</Key><EC>0026-00000001</EC>"
                + "<RecommendDoc>https://api.aliyun.com/troubleshoot?q=0026-00000001</RecommendDoc></Error>";
        OssException e = OssErrors.fromResponse("GET", "walker.txt", 404, h -> null, bytes(xml));
        assertThat(e).isNotInstanceOf(OssCallbackFailedException.class);
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.code()).isEqualTo("NoSuchKey");
        assertThat(e.ossMessage()).isEqualTo("The specified key does not exist.");
        assertThat(e.requestId()).hasValue("6556E3AED11E553933CCDEDF");
        assertThat(e.hostId()).hasValue("demo.oss-cn-hangzhou.aliyuncs.com");
        assertThat(e.ec()).hasValue("0026-00000001");
        assertThat(e.getMessage()).isEqualTo("GET walker.txt failed: HTTP 404 NoSuchKey - The specified key does not"
                + " exist. (request id 6556E3AED11E553933CCDEDF, EC 0026-00000001)");
    }

    @Test
    void headErrorIsReadFromBase64Header() {
        String xml = "<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist.</Message>"
                + "<RequestId>R</RequestId><EC>0015-00000101</EC></Error>";
        Map<String, String> headers = Map.of("x-oss-err", Base64.getEncoder().encodeToString(bytes(xml)));
        OssException e = OssErrors.fromResponse("HEAD", "k", 404, headers::get, new byte[0]);
        assertThat(e.code()).isEqualTo("NoSuchBucket");
        assertThat(e.ec()).hasValue("0015-00000101");
    }

    @Test
    void errorWithoutDocumentFallsBackToStatusAndHeaders() {
        Map<String, String> headers = Map.of("x-oss-request-id", "RID", "x-oss-ec", "0002-00000040");
        OssException e = OssErrors.fromResponse("HEAD", "k", 403, headers::get, new byte[0]);
        assertThat(e.code()).isEqualTo("AccessDenied");
        assertThat(e.requestId()).hasValue("RID");
        assertThat(e.ec()).hasValue("0002-00000040");
        assertThat(OssErrors.fromResponse("GET", "k", 502, h -> null, bytes("<html>bad gateway</html>")).code())
                .isEqualTo("InternalError");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
