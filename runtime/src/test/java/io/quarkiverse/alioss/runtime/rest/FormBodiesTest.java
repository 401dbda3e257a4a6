package io.quarkiverse.alioss.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.junit.jupiter.api.Test;

/** The form parameters a resource-method callback sees are decoded as any form (the body itself stays untouched). */
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

    @Test
    void leavesUndecodableTextAsSent() {
        FormData form = FormBodies.parse("size=100%&ok=1".getBytes(StandardCharsets.UTF_8));
        assertThat(form.getFirst("size").getValue()).isEqualTo("100%");
        assertThat(form.getFirst("ok").getValue()).isEqualTo("1");
    }

    @Test
    void recognisesFormContentTypesOnly() {
        assertThat(FormBodies.isForm("application/x-www-form-urlencoded")).isTrue();
        assertThat(FormBodies.isForm("Application/X-WWW-Form-Urlencoded; charset=UTF-8")).isTrue();
        assertThat(FormBodies.isForm("application/json")).isFalse();
        assertThat(FormBodies.isForm(null)).isFalse();
    }
}
