package io.quarkiverse.alioss.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Bucket and key from path-style and virtual-hosted requests; ranges as OSS reads them. */
class AddressingTest {

    private static Addressing.Target resolve(String host, String path, String query) {
        return Addressing.resolve(host, path, query, "known"::equals);
    }

    @Test
    void pathStyle() {
        assertThat(resolve("127.0.0.1:9000", "/b1/dir/a%20b%2Bc.txt", null))
                .isEqualTo(new Addressing.Target("b1", "dir/a b+c.txt", java.util.List.of()));
        assertThat(resolve("localhost:9000", "/b1/", "uploads").key()).isNull();
        assertThat(resolve("localhost:9000", "/b1", null).bucket()).isEqualTo("b1");
        assertThat(resolve("localhost:9000", "/", null).bucket()).isNull();
    }

    @Test
    void virtualHosted() {
        assertThat(resolve("photos.localhost:9000", "/a/b.txt", null).bucket()).isEqualTo("photos");
        assertThat(resolve("photos.localhost:9000", "/a/b.txt", null).key()).isEqualTo("a/b.txt");
        assertThat(resolve("photos.127.0.0.1:9000", "/", null).key()).isNull();
        assertThat(resolve("known.example.com", "/k", null).bucket()).isEqualTo("known");
        // an unknown first label on a real host name is a path-style endpoint
        assertThat(resolve("oss.example.com", "/b1/k", null).bucket()).isEqualTo("b1");
    }

    @Test
    void queryIsDecodedInOrderWithEmptyValues() {
        assertThat(resolve("localhost", "/b/k", "uploadId=ABC&partNumber=1&acl&x=a%2Bb+c").query())
                .containsExactly(Map.entry("uploadId", "ABC"), Map.entry("partNumber", "1"), Map.entry("acl", ""),
                        Map.entry("x", "a+b c"));
    }

    @Test
    void ranges() {
        assertThat(ByteRange.parse("bytes=2-5", 10)).isEqualTo(new ByteRange(2, 5));
        assertThat(ByteRange.parse("bytes=7-", 10)).isEqualTo(new ByteRange(7, 9));
        assertThat(ByteRange.parse("bytes=-3", 10)).isEqualTo(new ByteRange(7, 9));
        assertThat(ByteRange.parse("bytes=5-100", 10)).isEqualTo(new ByteRange(5, 9));
        assertThat(ByteRange.parse("bytes=10-", 10)).isSameAs(ByteRange.UNSATISFIABLE);
        assertThat(ByteRange.parse("bytes=5-2", 10)).isNull();
        assertThat(ByteRange.parse("bytes=0-1,3-4", 10)).isNull();
        assertThat(ByteRange.parse("items=0-1", 10)).isNull();
    }
}
