package io.quarkiverse.alioss.emulator.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.utils.CRC64;
import com.aliyun.oss.model.AppendObjectRequest;
import com.aliyun.oss.model.AppendObjectResult;
import com.aliyun.oss.model.ObjectMetadata;

import io.quarkiverse.alioss.emulator.http.RawHttp;
import io.quarkiverse.alioss.emulator.http.SignedHttp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/** AppendObject through the official SDK, which checks every answer's CRC-64 against its own. */
class AppendObjectSdkTest {

    private static final String BUCKET = "appends";

    @RegisterExtension
    static final EmulatorWithSdk EMULATOR = new EmulatorWithSdk(BUCKET);

    private static AppendObjectResult append(String key, String text, long position, Long initCrc,
            ObjectMetadata metadata) {
        AppendObjectRequest request = new AppendObjectRequest(BUCKET, key,
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), metadata);
        request.setPosition(position);
        // with the CRC so far, the SDK checks the answer's whole-object CRC-64 against the one it computes
        request.setInitCRC(initCrc);
        return EMULATOR.oss().appendObject(request);
    }

    private static long crc(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        CRC64 crc = new CRC64();
        crc.update(bytes, bytes.length);
        return crc.getValue();
    }

    @Test
    void appendsAtTheRightPositionsGrowAnAppendableObjectWithItsCrc64() throws Exception {
        ObjectMetadata metadata = new ObjectMetadata();
        metadata.setContentType("text/plain");
        metadata.addUserMetadata("origin", "log");
        AppendObjectResult first = append("log.txt", "first line\n", 0, 0L, metadata);
        assertThat(first.getNextPosition()).isEqualTo(11);
        assertThat(first.getServerCRC()).isEqualTo(crc("first line\n"));

        AppendObjectResult second = append("log.txt", "second line\n", first.getNextPosition(),
                first.getClientCRC(), new ObjectMetadata());
        AppendObjectResult third = append("log.txt", "третья\n", second.getNextPosition(), second.getClientCRC(),
                null);
        String all = "first line\nsecond line\nтретья\n";
        assertThat(third.getNextPosition()).isEqualTo(all.getBytes(StandardCharsets.UTF_8).length);
        assertThat(third.getServerCRC()).isEqualTo(crc(all)).isEqualTo(third.getClientCRC());

        try (var object = EMULATOR.oss().getObject(BUCKET, "log.txt")) {
            assertThat(new String(object.getObjectContent().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(all);
            ObjectMetadata read = object.getObjectMetadata();
            assertThat(read.getObjectType()).isEqualTo("Appendable");
            assertThat(read.getContentType()).isEqualTo("text/plain");
            assertThat(read.getUserMetadata()).containsEntry("origin", "log");
            assertThat(read.getServerCRC()).isEqualTo(crc(all));
            assertThat(read.getRawMetadata()).containsEntry("x-oss-next-append-position",
                    String.valueOf(third.getNextPosition()));
        }
    }

    @Test
    void aWrongPositionIsRefusedWithTheNextPositionAndChangesNothing() throws Exception {
        AppendObjectResult first = append("positions.txt", "abc", 0, 0L, null);
        assertThatThrownBy(() -> append("positions.txt", "x", 2, first.getClientCRC(), null))
                .isInstanceOfSatisfying(OSSException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("PositionNotEqualToLength"));
        assertThatThrownBy(() -> append("positions.txt", "x", 0, 0L, null))
                .isInstanceOfSatisfying(OSSException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("PositionNotEqualToLength"));
        RawHttp.Response refused = EMULATOR.http().send(HttpMethod.POST, BUCKET, "positions.txt",
                SignedHttp.query("append", null, "position", "7"), null, Buffer.buffer("x"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.headers().get("x-oss-next-append-position")).isEqualTo("3");
        assertThat(refused.text()).contains("<Code>PositionNotEqualToLength</Code>")
                .contains("<EC>0026-00000016</EC>");
        // the first append to a missing object must say 0
        assertThatThrownBy(() -> append("never.txt", "x", 5, 0L, null)).isInstanceOfSatisfying(OSSException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("PositionNotEqualToLength"));
        assertThat(EMULATOR.oss().doesObjectExist(BUCKET, "never.txt")).isFalse();
        try (var object = EMULATOR.oss().getObject(BUCKET, "positions.txt")) {
            assertThat(object.getObjectContent().readAllBytes()).isEqualTo("abc".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aNormalObjectIsNotAppendableAndAPutMakesAnAppendableObjectNormal() throws Exception {
        EMULATOR.oss().putObject(BUCKET, "normal.txt", new ByteArrayInputStream("put".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> append("normal.txt", "more", 3, null, null)).isInstanceOfSatisfying(
                OSSException.class, e -> assertThat(e.getErrorCode()).isEqualTo("ObjectNotAppendable"));

        append("becomes-normal.txt", "appended", 0, 0L, null);
        EMULATOR.oss().putObject(BUCKET, "becomes-normal.txt", new ByteArrayInputStream(new byte[] { 1 }));
        assertThat(EMULATOR.oss().getObjectMetadata(BUCKET, "becomes-normal.txt").getObjectType()).isEqualTo("Normal");
        assertThatThrownBy(() -> append("becomes-normal.txt", "x", 1, null, null)).isInstanceOfSatisfying(
                OSSException.class, e -> assertThat(e.getErrorCode()).isEqualTo("ObjectNotAppendable"));
    }

    @Test
    void aMissingOrInvalidPositionIsRefused() throws Exception {
        RawHttp.Response missing = EMULATOR.http().send(HttpMethod.POST, BUCKET, "p.txt", SignedHttp.query("append", null),
                null, Buffer.buffer("x"));
        assertThat(missing.status()).isEqualTo(400);
        RawHttp.Response negative = EMULATOR.http().send(HttpMethod.POST, BUCKET, "p.txt",
                SignedHttp.query("append", null, "position", "-1"), null, Buffer.buffer("x"));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.text()).contains("<Code>InvalidArgument</Code>");
        assertThat(EMULATOR.oss().doesObjectExist(BUCKET, "p.txt")).isFalse();
    }
}
