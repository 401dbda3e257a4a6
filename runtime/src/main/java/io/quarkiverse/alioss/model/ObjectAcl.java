package io.quarkiverse.alioss.model;

/** An object's access control list ({@code x-oss-object-acl}), as OSS names it on the wire. */
public enum ObjectAcl {
    /** The bucket's ACL. */
    DEFAULT("default"),
    PRIVATE("private"),
    PUBLIC_READ("public-read"),
    PUBLIC_READ_WRITE("public-read-write");

    private final String wireName;

    ObjectAcl(String wireName) {
        this.wireName = wireName;
    }

    /** The name in {@code x-oss-object-acl}. */
    public String wireName() {
        return wireName;
    }
}
