package io.quarkiverse.alioss.runtime.callback.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.runtime.callback.CallbackParameter;

/** How each supported parameter type is read: required, nullable or optional, and crc64 as unsigned. */
class CallbackValueTypesTest {

    private static final CallbackFields FIELDS = FormCallbackFields.parse(
            "size=42&empty=&crc64=18446744073709551615&flag=true&name=a%2Fb&op=PutObject&lower=putobject"
                    .getBytes(StandardCharsets.UTF_8));

    private static Object read(String variable, String key, Class<?> type, boolean optional) {
        return CallbackValueTypes.reader(new CallbackParameter(CallbackParameter.Source.SYSTEM_VAR, variable, key, type,
                optional)).read(FIELDS);
    }

    @Test
    void primitivesAreRequired() {
        assertThat(read("size", "size", long.class, false)).isEqualTo(42L);
        assertThat(read("size", "size", int.class, false)).isEqualTo(42);
        assertThatThrownBy(() -> read("size", "missing", long.class, false))
                .isInstanceOf(CallbackBindingException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> read("size", "empty", int.class, false))
                .isInstanceOf(CallbackBindingException.class).hasMessageContaining("empty");
    }

    @Test
    void wrappersAreNullWhenAbsentOrEmpty() {
        assertThat(read("size", "missing", Long.class, false)).isNull();
        assertThat(read("size", "empty", Integer.class, false)).isNull();
        assertThat(read("x:flag", "flag", Boolean.class, false)).isEqualTo(Boolean.TRUE);
    }

    @Test
    void stringsAreRequiredButMayBeEmpty() {
        assertThat(read("object", "name", String.class, false)).isEqualTo("a/b");
        assertThat(read("object", "empty", String.class, false)).isEqualTo("");
        assertThatThrownBy(() -> read("object", "missing", String.class, false))
                .isInstanceOf(CallbackBindingException.class).hasMessageContaining("missing");
    }

    @Test
    void optionalsAreEmptyWhenAbsentOrEmpty() {
        assertThat(read("size", "size", Long.class, true)).isEqualTo(Optional.of(42L));
        assertThat(read("size", "empty", Long.class, true)).isEqualTo(Optional.empty());
        assertThat(read("object", "missing", String.class, true)).isEqualTo(Optional.empty());
    }

    @Test
    void crc64IsReadAsUnsignedOnlyForTheCrc64Variable() {
        assertThat(read("crc64", "crc64", long.class, false)).isEqualTo(-1L);
        assertThat(read("crc64", "crc64", BigInteger.class, false)).isEqualTo(new BigInteger("18446744073709551615"));
        assertThatThrownBy(() -> read("size", "crc64", long.class, false))
                .isInstanceOf(CallbackBindingException.class).hasMessageContaining("crc64");
    }

    @Test
    void valuesThatDoNotParseNameTheField() {
        assertThatThrownBy(() -> read("x:flag", "name", boolean.class, false))
                .isInstanceOf(CallbackBindingException.class).hasMessageContaining("name")
                .hasMessageContaining("true or false");
    }

    enum Operation {
        PutObject,
        PostObject
    }

    @Test
    void enumsAreReadByExactConstantNameAndRequired() {
        assertThat(read("operation", "op", Operation.class, false)).isEqualTo(Operation.PutObject);
        assertThat(read("operation", "op", Operation.class, true)).isEqualTo(Optional.of(Operation.PutObject));
        assertThat(read("operation", "empty", Operation.class, true)).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> read("operation", "lower", Operation.class, false))
                .isInstanceOf(CallbackBindingException.class).hasMessageContaining("lower")
                .hasMessageContaining("PostObject");
        assertThatThrownBy(() -> read("operation", "missing", Operation.class, false))
                .isInstanceOf(CallbackBindingException.class).hasMessageContaining("missing");
    }

    @Test
    void byNameKnowsPrimitivesAndRefusesOthers() {
        assertThat(CallbackValueTypes.byName("long")).isEqualTo(long.class);
        assertThat(CallbackValueTypes.byName("java.lang.String")).isEqualTo(String.class);
        assertThat(CallbackValueTypes.byName("java.util.Date")).isNull();
    }
}
