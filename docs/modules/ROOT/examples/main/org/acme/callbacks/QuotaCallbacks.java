package org.acme.callbacks;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssCallbackRefusedException;
import io.quarkiverse.alioss.callback.OssUpload;

@ApplicationScoped
public class QuotaCallbacks {

    static final long QUOTA = 10 * 1024 * 1024;

    // tag::refuse[]
    @OssCallback(path = "/oss/backup", name = "backup")
    public Map<String, Object> backupUploaded(OssUpload upload, @CallbackVar("user") String user) {
        if (upload.size() > QUOTA) {
            throw new OssCallbackRefusedException(413, "quota exceeded"); // <1>
        }
        if (user.equals("guest")) {
            throw OssCallbackRefusedException.forbidden("guests cannot keep backups"); // <2>
        }
        return Map.of("user", user, "object", upload.object());
    }
    // end::refuse[]
}
