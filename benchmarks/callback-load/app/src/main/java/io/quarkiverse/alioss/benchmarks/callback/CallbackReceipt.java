package io.quarkiverse.alioss.benchmarks.callback;

import java.util.Map;

import io.quarkiverse.alioss.callback.OssUpload;

/** What every receiver under load replies: a few values of the callback, so that each one is read and serialized. */
public record CallbackReceipt(String bucket, String object, long size, String user) {

    static CallbackReceipt of(OssUpload upload, String user) {
        return new CallbackReceipt(upload.bucket(), upload.object(), upload.size(), user);
    }

    /** From a form a bare receiver parsed itself. */
    static CallbackReceipt of(Map<String, String> form) {
        return new CallbackReceipt(form.get("bucket"), form.get("object"), Long.parseLong(form.get("size")),
                form.get("x:user"));
    }
}
