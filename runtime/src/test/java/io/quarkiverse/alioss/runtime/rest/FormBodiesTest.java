package io.quarkiverse.alioss.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.runtime.callback.receive.CallbackBindingException;

/**
 * The form parameters a resource-method callback sees come from the verified bytes only, decoded by the same strict
 * rules as the callback binding.
 */
class FormBodiesTest {

    @Test
    void decodesKeysAndValuesAsAForm() {
        FormData form = FormBodies.parse(
                "bucket=photos&x%3Auser=a%2Bb+c&object=avatars%2F%E4%B8%AD.png".getBytes(StandardCharsets.UTF_8));
        assertThat(form.getFirst("bucket").getValue()).isEqualTo("photos");
        assertThat(form.getFirst("x:user").getValue()).isEqualTo("a+b c");
        assertThat(form.getFirst("object").getValue()).isEqualTo("avatars/\u4e2d.png");
    }

    @Test
    void keepsRepeatedKeysEmptyValuesAndKeysWithoutValue() {
        FormData form = FormBodies.parse("a=1&a=2&empty=&bare&&".getBytes(StandardCharsets.UTF_8));
        assertThat(form.get("a")).extracting(value -> value.getValue()).containsExactly("1", "2");
        assertThat(form.getFirst("empty").getValue()).isEmpty();
        assertThat(form.getFirst("bare").getValue()).isEmpty();
    }

    /** The binding refuses these; the form view must not read them some other way. */
    @Test
    void refusesUndecodableText() {
        assertThatThrownBy(() -> FormBodies.parse("size=100%&ok=1".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CallbackBindingException.class);
        assertThatThrownBy(() -> FormBodies.parse("name=%FF%FE".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CallbackBindingException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void jsonCallbacksGetAnEmptyForm() {
        assertThat(FormBodies.empty().iterator().hasNext()).isFalse();
    }
}
