package io.quarkiverse.alioss.emulator.server;

/**
 * Single-connection bandwidth throttling ({@code x-oss-traffic-limit}, header or presigned query parameter, in bit/s):
 * the emulator checks the value as OSS does and otherwise ignores it; it does not slow transfers down.
 */
final class TrafficLimit {

    static final String NAME = "x-oss-traffic-limit";
    static final long MIN = 819_200;
    static final long MAX = 838_860_800;

    private TrafficLimit() {
    }

    /** @throws OssError 400 InvalidArgument for a value outside 819200..838860800, or when given twice */
    static void check(OssExchange ex) {
        String header = ex.header(NAME);
        String param = ex.param(NAME);
        if (header != null && param != null) {
            throw new OssError(400, "InvalidArgument",
                    "x-oss-traffic-limit may be given as a header or as a query parameter, not both.", "0004-00000501")
                    .with("ArgumentName", NAME);
        }
        String value = header != null ? header : param;
        if (value == null) {
            return;
        }
        try {
            long limit = Long.parseLong(value.trim());
            if (limit >= MIN && limit <= MAX) {
                return;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new OssError(400, "InvalidArgument", "Invalid traffic limit argument, it must be between " + MIN
                + " and " + MAX + " bit/s.", "0004-00000502").with("ArgumentName", NAME).with("ArgumentValue", value);
    }
}
