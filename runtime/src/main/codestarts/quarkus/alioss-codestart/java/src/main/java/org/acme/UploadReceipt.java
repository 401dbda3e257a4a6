package org.acme;

/** What the callback method answers. OSS relays it to whoever uploaded. */
public record UploadReceipt(String filename, String object, long size, String contentType) {
}
