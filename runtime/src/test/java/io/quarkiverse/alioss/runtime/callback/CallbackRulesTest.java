package io.quarkiverse.alioss.runtime.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.callback.OssCallbackSpec;

/** One rule for custom variable names and body keys, the one OSS applies; the public spec uses the same. */
class CallbackRulesTest {

    @Test
    void customVariablesAreLowercaseLettersDigitsAndUnderscoreAfterX() {
        assertThat(CallbackRules.VARIABLE_NAME.matcher("x:my_var1").matches()).isTrue();
        // OSS does not ask for a leading letter; the build used to
        assertThat(CallbackRules.VARIABLE_NAME.matcher("x:1st").matches()).isTrue();
        assertThat(CallbackRules.VARIABLE_NAME.matcher("x:User").matches()).isFalse();
        assertThat(CallbackRules.VARIABLE_NAME.matcher("x:").matches()).isFalse();
        assertThat(CallbackRules.VARIABLE_NAME.matcher("user").matches()).isFalse();
        assertThat(OssCallbackSpec.variableKey("1st")).isEqualTo("x:1st");
        assertThatThrownBy(() -> OssCallbackSpec.variableKey("User")).hasMessageContaining("'User'");
    }

    @Test
    void bodyKeysAreNotEmptyAndHaveNoDollar() {
        assertThat(CallbackRules.isBodyKey("imageInfo.width")).isTrue();
        assertThat(CallbackRules.isBodyKey("x:user")).isTrue();
        assertThat(CallbackRules.isBodyKey("")).isFalse();
        assertThat(CallbackRules.isBodyKey("a$b")).isFalse();
    }
}
