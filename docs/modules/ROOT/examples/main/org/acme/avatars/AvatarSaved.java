package org.acme.avatars;

// tag::record[]
/** What the callback method answers. OSS relays it to whoever uploaded. */
public record AvatarSaved(String user, String object, long size, String contentType) {
}
// end::record[]
