package io.quarkiverse.alioss.emulator;

import java.util.regex.Pattern;

/** OSS bucket naming: 3 to 63 lowercase letters, digits and hyphens, starting and ending with a letter or digit. */
final class BucketNames {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");

    private BucketNames() {
    }

    static void check(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid bucket name '" + name
                    + "': use 3 to 63 lowercase letters, digits and hyphens, starting and ending with a letter or digit");
        }
    }
}
