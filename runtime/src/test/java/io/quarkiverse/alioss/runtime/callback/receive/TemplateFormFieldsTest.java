package io.quarkiverse.alioss.runtime.callback.receive;

import static io.quarkiverse.alioss.runtime.callback.receive.CallbackBindingTest.assertBinding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A form body parsed for the fields of one template reads exactly as a body parsed for any field: the same decoding,
 * the same refusals; it only skips the fields nobody reads.
 */
class TemplateFormFieldsTest {

    static final FormFieldNames NAMES = FormFieldNames.of(List.of("bucket", "object", "x:user", "a b"));

    static FormCallbackFields parse(String body) {
        return FormCallbackFields.parse(body.getBytes(StandardCharsets.UTF_8), NAMES);
    }

    @Test
    void fieldsAreFoundHoweverTheirNamesAreEncoded() {
        FormCallbackFields fields = parse("%62ucket=b&x%3Auser=u+1&object=o%2Fk&a+b=%E6%97%A5&other=1&other=2");
        assertThat(fields.get("bucket")).isEqualTo("b");
        assertThat(fields.get("x:user")).isEqualTo("u 1");
        assertThat(fields.get("object")).isEqualTo("o/k");
        assertThat(fields.get("a b")).isEqualTo("日");
        // a literal colon is the same name as an encoded one
        assertThat(parse("x:user=v").get("x:user")).isEqualTo("v");
    }

    @Test
    void absentEmptyAndValuelessFieldsReadAsInAnyBody() {
        FormCallbackFields fields = parse("bucket=&object&&x%3Auser=u");
        assertThat(fields.get("bucket")).isEmpty();
        assertThat(fields.get("object")).isEmpty();
        assertThat(fields.get("a b")).isNull();
    }

    @Test
    void aRepeatedFieldIsRefusedWhenReadAlsoUnderAnotherSpelling() {
        FormCallbackFields fields = parse("bucket=a&%62ucket=b&object=o");
        assertBinding(() -> fields.get("bucket"), "bucket", "more than once");
        assertThat(fields.get("object")).isEqualTo("o");
    }

    @Test
    void fieldsNobodyReadsAreStillCheckedLikeEveryOtherField() {
        assertBinding(() -> parse("bucket=b&%zz=1"), null, "cannot be decoded");
        assertBinding(() -> parse("bucket=b&%FF=1"), null, "UTF-8");
        byte[] invalid = { 'b', 'u', 'c', 'k', 'e', 't', '=', 'b', '&', 'o', '=', (byte) 0xC3 };
        assertBinding(() -> FormCallbackFields.parse(invalid, NAMES), null, "UTF-8");
    }

    @Test
    void valuesAreDecodedWhenReadAndRefusedNamingTheirField() {
        FormCallbackFields fields = parse("bucket=%zz&object=%C3%28");
        assertBinding(() -> fields.get("bucket"), "bucket", "URL-decoded");
        assertBinding(() -> fields.get("object"), "object", "UTF-8");
    }

    @Test
    void readingAFieldOutsideTheTemplateIsAProgrammingError() {
        assertThatThrownBy(() -> parse("size=1").get("size")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void entriesKeepEveryFieldInOrder() {
        assertThat(FormCallbackFields.entries("a=1&b=%20&a=2&c".getBytes(StandardCharsets.UTF_8)))
                .containsExactly(Map.entry("a", "1"), Map.entry("b", " "), Map.entry("a", "2"), Map.entry("c", ""));
        assertBinding(() -> FormCallbackFields.entries("a=%zz".getBytes(StandardCharsets.UTF_8)), null,
                "cannot be decoded");
    }
}
