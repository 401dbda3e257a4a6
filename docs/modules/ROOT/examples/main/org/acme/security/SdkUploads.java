package org.acme.security;

import java.io.InputStream;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.Callback;
import com.aliyun.oss.model.PutObjectRequest;

import io.quarkiverse.alioss.callback.CallbackTarget;
import io.quarkiverse.alioss.callback.CallbackTemplateName;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;

/** Uploads with the official Aliyun SDK and binds the callback token itself. */
@ApplicationScoped
public class SdkUploads {

    @Inject
    @CallbackTemplateName("avatar")
    OssCallbackTemplate avatar;

    void upload(OSS sdk, String user, InputStream content) {
        // tag::sdk[]
        String key = "avatars/" + user + ".png";
        OssCallbackSpec spec = avatar.fill(Map.of("user", user)).bind(CallbackTarget.upload("examplebucket", key));

        Callback callback = new Callback(); // com.aliyun.oss.model.Callback
        callback.setCallbackUrl(String.join(";", spec.urls()));
        callback.setCallbackBody(spec.body());
        callback.setCalbackBodyType(Callback.CalbackBodyType.URL);
        spec.vars().forEach(callback::addCallbackVar);
        PutObjectRequest request = new PutObjectRequest("examplebucket", key, content);
        request.setCallback(callback);
        // end::sdk[]
        sdk.putObject(request);
    }
}
