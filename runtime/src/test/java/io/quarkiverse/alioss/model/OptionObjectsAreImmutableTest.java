package io.quarkiverse.alioss.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.presign.PostObjectRequest;
import io.quarkiverse.alioss.presign.PresignPutRequest;

/** Option objects are shared values: a chain started from a constant never changes the constant. */
class OptionObjectsAreImmutableTest {

    @Test
    void uploadOptionsChainLeavesTheDefaultsUntouched() {
        UploadOptions png = UploadOptions.DEFAULTS.contentType("image/png").userMetadata("Owner", "alice")
                .header("x-oss-storage-class", "IA").partSize(UploadOptions.MIN_PART_SIZE).parallelism(2);
        UploadOptions withMore = png.userMetadata("team", "blue");

        assertThat(UploadOptions.DEFAULTS.contentType()).isEmpty();
        assertThat(UploadOptions.DEFAULTS.userMetadata()).isEmpty();
        assertThat(UploadOptions.DEFAULTS.headers()).isEmpty();
        assertThat(UploadOptions.DEFAULTS.partSize()).isEmpty();
        assertThat(UploadOptions.defaults()).isSameAs(UploadOptions.DEFAULTS);

        assertThat(png.contentType()).contains("image/png");
        assertThat(png.userMetadata()).containsExactly(entry("owner", "alice"));
        assertThat(withMore.userMetadata()).containsKeys("owner", "team");
        assertThat(png.headers()).containsEntry("x-oss-storage-class", "IA");
        assertThat(png.parallelism()).hasValue(2);
        assertThatThrownBy(() -> png.userMetadata().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void uploadOptionsStillRefuseWhatTheClientManages() {
        assertThatThrownBy(() -> UploadOptions.DEFAULTS.header("x-oss-callback", "e30="))
                .hasMessageContaining("x-oss-callback").hasMessageContaining("callback()");
        assertThatThrownBy(() -> UploadOptions.DEFAULTS.partSize(1)).hasMessageContaining("partSize");
    }

    @Test
    void postObjectRequestChainReturnsCopies() {
        PostObjectRequest base = PostObjectRequest.forKeyPrefix("uploads/");
        PostObjectRequest narrowed = base.sizeRange(1, 10).validity(Duration.ofMinutes(2)).contentType("image/png");

        assertThat(base.maxSize()).isEqualTo(5L * 1024 * 1024 * 1024);
        assertThat(base.validity()).isEqualTo(Duration.ofMinutes(15));
        assertThat(base.contentType()).isEmpty();
        assertThat(narrowed.maxSize()).isEqualTo(10);
        assertThat(narrowed.validity()).isEqualTo(Duration.ofMinutes(2));
        assertThat(narrowed.contentType()).contains("image/png");
        assertThat(narrowed.keyIsPrefix()).isTrue();
        assertThatThrownBy(() -> base.validity(Duration.ofDays(8))).hasMessageContaining("7 days");
    }

    @Test
    void presignPutRequestNamesWhatIsMissing() {
        PresignPutRequest put = PresignPutRequest.forKey("a.txt");
        assertThat(put.validity()).isEqualTo(PresignPutRequest.DEFAULT_VALIDITY);
        assertThat(put.contentType("text/plain").contentType()).contains("text/plain");
        assertThat(put.contentType()).isEmpty();
        assertThatThrownBy(() -> PresignPutRequest.forKey("")).hasMessageContaining("Object key must not be empty");
    }
}
