package org.acme.rest;

import jakarta.enterprise.context.ApplicationScoped;

/** Stands for the application's own storage of avatars. */
@ApplicationScoped
public class Avatars {

    public AvatarSaved save(String user, String object, long size) {
        return new AvatarSaved(user, object, size);
    }

    public record AvatarSaved(String user, String object, long size) {
    }
}
