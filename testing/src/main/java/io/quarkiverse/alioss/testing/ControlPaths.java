package io.quarkiverse.alioss.testing;

/**
 * The emulator's control endpoints (documented on the emulator page). The kit does not depend on the emulator's
 * classes; a test of this module checks these against the emulator's own constants.
 */
final class ControlPaths {

    /** Control requests address this "bucket", a name OSS forbids for real buckets. */
    static final String BUCKET = "__emulator";
    static final String CALLBACK_KEY = "/" + BUCKET + "/callback_pub_key.pem";
    static final String CALLBACKS = "callbacks";
    static final String CALLBACK_UPLOAD = "callbacks/upload";
    static final String CALLBACK_RAW = "callbacks/raw";
    static final String FAULTS = "faults";

    private ControlPaths() {
    }
}
