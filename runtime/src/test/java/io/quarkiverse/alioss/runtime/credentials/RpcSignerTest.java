package io.quarkiverse.alioss.runtime.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.aliyuncs.auth.HmacSHA1Signer;
import com.aliyuncs.http.MethodType;

/** Our RPC signature against the official SDK core's, on parameters that need encoding. */
class RpcSignerTest {

    @Test
    void signsAsTheOfficialSdkCoreDoes() throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("Action", "AssumeRole");
        parameters.put("RoleArn", "acs:ram::123:role/uploader");
        parameters.put("RoleSessionName", "session name*~");
        parameters.put("Policy", "{\"Statement\":[{\"Action\":\"oss:*\"}]}");
        parameters.put("Timestamp", "2026-12-02T15:00:00Z");
        parameters.put("Unicode", "中文");
        String sdkStringToSign = com.aliyuncs.auth.RpcSignatureComposer.getComposer().composeStringToSign(
                MethodType.GET, null, new HmacSHA1Signer(), parameters, null, null);

        assertThat(RpcSigner.stringToSign("GET", parameters)).isEqualTo(sdkStringToSign);
        assertThat(RpcSigner.sign("GET", parameters, "secret"))
                .isEqualTo(new HmacSHA1Signer().signString(sdkStringToSign, "secret&"));
    }
}
