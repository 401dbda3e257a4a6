package io.quarkiverse.alioss.runtime.signing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OssUriEncoderTest {

    @ParameterizedTest(name = "path [{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "/bucket/a b.txt | /bucket/a%20b.txt",
            "/bucket/a+b.txt | /bucket/a%2Bb.txt",
            "/bucket/~user/x | /bucket/~user/x",
            "/bucket/100%.txt | /bucket/100%25.txt",
            "/bucket/dir/sub/ | /bucket/dir/sub/",
            "/bucket/中文.txt | /bucket/%E4%B8%AD%E6%96%87.txt",
            "/bucket/é | /bucket/%C3%A9",
            "/bucket/😀 | /bucket/%F0%9F%98%80",
            "/bucket/a*b'c(d)!e | /bucket/a%2Ab%27c%28d%29%21e",
            "/bucket/k?x=1&y#z | /bucket/k%3Fx%3D1%26y%23z",
            "/bucket/A-Z_a.z-09 | /bucket/A-Z_a.z-09",
    })
    void encodesPathsKeepingSlashes(String raw, String encoded) {
        assertThat(OssUriEncoder.encodePath(raw)).isEqualTo(encoded);
    }

    @ParameterizedTest(name = "component [{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "a/b | a%2Fb",
            "\"a b\" | a%20b",
            "a+b | a%2Bb",
            "abc;zabc | abc%3Bzabc",
            "x=y&z | x%3Dy%26z",
            "~._- | ~._-",
            "dcLTea+Yh9ApirQ8o8dOPqtvJXQ= | dcLTea%2BYh9ApirQ8o8dOPqtvJXQ%3D",
    })
    void encodesComponentsIncludingSlashes(String raw, String encoded) {
        assertThat(OssUriEncoder.encodeComponent(raw)).isEqualTo(encoded);
    }

    @Test
    void everyNonUnreservedAsciiCharacterIsEncodedUppercase() {
        for (char c = 0; c < 128; c++) {
            String encoded = OssUriEncoder.encodeComponent(String.valueOf(c));
            if (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0) {
                assertThat(encoded).isEqualTo(String.valueOf(c));
            } else {
                assertThat(encoded).isEqualTo(String.format("%%%02X", (int) c));
            }
        }
    }
}
