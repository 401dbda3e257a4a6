package org.acme.avatars;

// tag::callback[]
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssUpload;

@ApplicationScoped
public class AvatarCallbacks {

    @Inject
    AvatarRegistry avatars;

    @OssCallback(path = "/oss/avatar", name = "avatar") // <1>
    public AvatarSaved avatarUploaded(OssUpload upload, // <2>
            @CallbackVar("user") String user) { // <3>
        avatars.put(user, upload.object());
        return new AvatarSaved(user, upload.object(), upload.size(), upload.mimeType()); // <4>
    }
}
// end::callback[]
