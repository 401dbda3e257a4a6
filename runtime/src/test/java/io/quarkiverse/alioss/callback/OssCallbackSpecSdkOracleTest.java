package io.quarkiverse.alioss.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.aliyun.oss.internal.OSSUtils;
import com.aliyun.oss.model.Callback;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The official SDK (test scope only) as an oracle: for inputs it can encode correctly (nothing that needs JSON escaping),
 * our headers carry the same callback and callback-var JSON as the SDK's.
 */
class OssCallbackSpecSdkOracleTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void headersMatchTheSdkForPlainValues() throws Exception {
        Callback sdk = new Callback();
        sdk.setCallbackUrl("https://app.example.com/oss/avatar?oss-cb-token=v1.1.abc");
        sdk.setCallbackHost("app.example.com");
        sdk.setCallbackBody("bucket=${bucket}&object=${object}&x%3Auid=${x:uid}");
        sdk.setCalbackBodyType(Callback.CalbackBodyType.URL);
        sdk.setCallbackSNI(true);
        sdk.addCallbackVar("x:uid", "12345");
        sdk.addCallbackVar("x:order_id", "67890");
        Map<String, String> sdkHeaders = new HashMap<>();
        OSSUtils.populateRequestCallback(sdkHeaders, sdk);

        OssCallbackSpec ours = OssCallbackSpec.builder()
                .url("https://app.example.com/oss/avatar?oss-cb-token=v1.1.abc")
                .host("app.example.com")
                .body("bucket=${bucket}&object=${object}&x%3Auid=${x:uid}")
                .bodyType(CallbackBodyType.FORM)
                .sni(true)
                .var("x:uid", "12345").var("x:order_id", "67890")
                .build();

        assertThat(sdkHeaders.keySet()).isEqualTo(ours.headers().keySet());
        for (String header : sdkHeaders.keySet()) {
            assertThat(MAPPER.readTree(Base64.getDecoder().decode(ours.headers().get(header))))
                    .as(header)
                    .isEqualTo(MAPPER.readTree(Base64.getDecoder().decode(sdkHeaders.get(header))));
        }
    }
}
