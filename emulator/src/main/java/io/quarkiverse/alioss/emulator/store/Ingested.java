package io.quarkiverse.alioss.emulator.store;

import java.util.Base64;
import java.util.HexFormat;

/** Bytes that were stored, with what was computed while they streamed in. */
public record Ingested(Blob blob, long size, byte[] md5, long crc64) {

    /** ETag value without quotes: the uppercase hex MD5. */
    public String md5Hex() {
        return HexFormat.of().withUpperCase().formatHex(md5);
    }

    public String md5Base64() {
        return Base64.getEncoder().encodeToString(md5);
    }
}
