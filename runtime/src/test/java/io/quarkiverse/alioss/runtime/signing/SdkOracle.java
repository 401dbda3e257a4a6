package io.quarkiverse.alioss.runtime.signing;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;

import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.common.auth.DefaultCredentials;
import com.aliyun.oss.common.comm.RequestMessage;
import com.aliyun.oss.internal.signer.OSSSignerParams;
import com.aliyun.oss.model.GenericRequest;

import io.quarkiverse.alioss.credentials.OssCredentials;

/**
 * Drives the official Java SDK (aliyun-sdk-oss, test scope only) as an oracle: builds the same request for our signers
 * and for the SDK's, so that the signatures can be compared.
 */
final class SdkOracle {

    static final String REGION = "cn-hangzhou";
    static final String BUCKET = "bucket";
    static final DateTimeFormatter ISO_BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private SdkOracle() {
    }

    /** One oracle case: query parameters (null value = valueless) and headers of a request. */
    record Case(String method, String key, Map<String, String> query, Map<String, String> headers) {
    }

    static SignableRequest ours(Case c) {
        SignableRequest request = SignableRequest.forObject(c.method(), BUCKET, c.key());
        c.query().forEach((name, value) -> {
            if (value == null) {
                request.queryFlag(name);
            } else {
                request.query(name, value);
            }
        });
        c.headers().forEach(request::header);
        return request;
    }

    static RequestMessage sdk(Case c, Set<String> additionalHeaders) {
        GenericRequest original = new GenericRequest(BUCKET, c.key());
        original.setAdditionalHeaderNames(additionalHeaders);
        RequestMessage message = new RequestMessage(original, BUCKET, c.key());
        message.setMethod(HttpMethod.valueOf(c.method()));
        c.query().forEach(message::addParameter);
        c.headers().forEach(message::addHeader);
        return message;
    }

    static OSSSignerParams sdkParams(Case c, DefaultCredentials credentials) {
        OSSSignerParams params = new OSSSignerParams("/" + BUCKET + "/" + c.key(), credentials);
        params.setProduct("oss");
        params.setRegion(REGION);
        return params;
    }

    static OssCredentials credentials(boolean sts) {
        return sts ? OssCredentials.of("ak", "sk", "sts-token") : OssCredentials.of("ak", "sk");
    }

    static DefaultCredentials sdkCredentials(boolean sts) {
        return sts ? new DefaultCredentials("ak", "sk", "sts-token") : new DefaultCredentials("ak", "sk");
    }
}
