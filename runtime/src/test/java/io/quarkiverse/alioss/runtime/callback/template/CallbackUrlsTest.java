package io.quarkiverse.alioss.runtime.callback.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CallbackUrlsTest {

    @Test
    void callbackUrlsJoinBaseRootAndPath() {
        assertThat(CallbackUrls.of(List.of("https://h.example"), null).forPath("/cb", null))
                .containsExactly("https://h.example/cb");
        assertThat(CallbackUrls.of(List.of("https://h.example//"), "api").forPath("cb", "t=1"))
                .containsExactly("https://h.example/api/cb?t=1");
        assertThatThrownBy(() -> CallbackUrls.of(List.of(), "/")).hasMessageContaining("quarkus.oss.callback.base-url");
        assertThatThrownBy(() -> CallbackUrls.of(List.of("https://h.example/?a=1"), "/"))
                .hasMessageContaining("https://h.example/?a=1");
        assertThatThrownBy(() -> CallbackUrls.of(List.of("h.example"), "/")).hasMessageContaining("'h.example'");
        assertThatThrownBy(() -> CallbackUrls.of(List.of("http://a", "http://b", "http://c", "http://d", "http://e",
                "http://f"), "/")).hasMessageContaining("at most 5");
    }
}
