package io.quarkiverse.alioss.it;

import java.util.UUID;

/** Object keys for uploaded files: a fixed prefix, a unique part, and a tidied copy of the file name. */
final class ObjectKeys {

    static final String PREFIX = "uploads/";
    private static final int MAX_NAME_LENGTH = 100;

    private ObjectKeys() {
    }

    /** A new key for a file; the name only helps people recognise the object, uniqueness comes from the UUID. */
    static String forFile(String fileName) {
        return PREFIX + UUID.randomUUID() + "-" + tidy(fileName);
    }

    static String tidy(String fileName) {
        String name = fileName == null ? "" : fileName;
        // browsers may send a full path; keep the last segment only
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) {
            name = "file";
        }
        return name.length() > MAX_NAME_LENGTH ? name.substring(name.length() - MAX_NAME_LENGTH) : name;
    }
}
