package io.quarkiverse.alioss.runtime.callback;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A short-lived HMAC-SHA256 token that a callback template puts into the callback URL's query string, so that the OSS
 * signature covers it. It binds the callback name, an expiry and the values of the template's custom {@code x:}
 * variables: a browser that edits an {@code x:} form field, a callback replayed after expiry or a token copied to another
 * callback is refused.
 * <p>
 * Format: {@code v1.<expiry epoch seconds>.<base64url HMAC, no padding>}. The MAC input is length-prefixed (see
 * {@link #mac}), so no choice of names or values can make two different bindings collide.
 */
public final class CallbackToken {

    /** Name of the query parameter that carries the token. */
    public static final String QUERY_PARAMETER = "oss-cb-token";

    private static final String VERSION = "v1";
    private static final String MAC_ALGORITHM = "HmacSHA256";
    private static final int MIN_SECRET_BYTES = 32;
    private static final int MAC_BYTES = 32;

    private final SecretKeySpec key;

    /** @param secret at least 32 bytes; from configuration, or random per start */
    public CallbackToken(byte[] secret) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("callback token secret must have at least " + MIN_SECRET_BYTES
                    + " bytes, got " + (secret == null ? 0 : secret.length));
        }
        this.key = new SecretKeySpec(secret.clone(), MAC_ALGORITHM);
    }

    /** Why {@link #check} refused a token. */
    public enum Failure {
        /** No token in the callback URL's query. */
        MISSING,
        /** Not of the form {@code v1.<expiry>.<mac>}. */
        MALFORMED,
        /** The token is genuine but its expiry has passed. */
        EXPIRED,
        /** The MAC does not match this callback's name, expiry and {@code x:} values (edited or foreign token). */
        MISMATCH
    }

    /** A refused token; {@link #failure()} is machine-readable, the message never contains the token. */
    public static final class TokenException extends RuntimeException {
        private final Failure failure;

        TokenException(Failure failure, String message) {
            super(failure + ": " + message);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    /**
     * @param name callback name
     * @param expiryEpochSeconds last second at which the token is accepted
     * @param xVars custom variable values keyed by variable name ({@code x:user} or {@code user}, used as given)
     */
    public String issue(String name, long expiryEpochSeconds, Map<String, String> xVars) {
        return VERSION + "." + expiryEpochSeconds + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(name, expiryEpochSeconds, xVars));
    }

    /**
     * Accepts the token only if it was issued by this secret for {@code name} with exactly these {@code x:} values and
     * has not expired at {@code now}.
     *
     * @param xVarsFromBody the values of the template's custom variables as received in the callback body (a variable
     *        missing from the body maps to {@code null} or is left out; either way it only matches a token issued without
     *        it or with an empty value)
     * @throws TokenException with the failure reason
     */
    public void check(String name, String tokenFromQuery, Map<String, String> xVarsFromBody, Instant now) {
        if (tokenFromQuery == null || tokenFromQuery.isEmpty()) {
            throw new TokenException(Failure.MISSING,
                    "the callback URL has no " + QUERY_PARAMETER + " query parameter for callback '" + name + "'");
        }
        String[] parts = tokenFromQuery.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new TokenException(Failure.MALFORMED, "callback token is not of the form v1.<expiry>.<mac>");
        }
        long expiry;
        byte[] presented;
        try {
            expiry = Long.parseLong(parts[1]);
            presented = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new TokenException(Failure.MALFORMED, "callback token has a non-numeric expiry or a non-Base64 MAC");
        }
        if (presented.length != MAC_BYTES) {
            throw new TokenException(Failure.MALFORMED, "callback token MAC has " + presented.length + " bytes, expected "
                    + MAC_BYTES);
        }
        // The MAC is checked before the expiry, so a forged expiry is reported as a mismatch.
        if (!MessageDigest.isEqual(presented, mac(name, expiry, xVarsFromBody))) {
            throw new TokenException(Failure.MISMATCH, "callback token does not match callback '" + name
                    + "' and its x: variable values");
        }
        if (now.getEpochSecond() > expiry) {
            throw new TokenException(Failure.EXPIRED, "callback token for '" + name + "' expired at "
                    + Instant.ofEpochSecond(expiry));
        }
    }

    /**
     * Reads the token from a raw query string ({@code a=b&oss-cb-token=...}): null when absent, empty (refused as
     * {@link Failure#MISSING}) when the parameter appears twice.
     */
    public static String fromQuery(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        String found = null;
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (QUERY_PARAMETER.equals(name)) {
                if (found != null) {
                    // Two tokens: ambiguous which one a receiver would trust, so trust neither.
                    return "";
                }
                found = eq < 0 ? "" : pair.substring(eq + 1);
            }
        }
        return found;
    }

    /**
     * HMAC over: version, name, expiry, the number of variables, then each (name, value) sorted by name. Every string
     * is written as a 4-byte length and its UTF-8 bytes; variables without a value ({@code null}) are left out, and so are
     * empty ones: OSS renders an empty {@code x:} value as {@code null} in a JSON body, and binding treats both alike.
     */
    private byte[] mac(String name, long expiry, Map<String, String> xVars) {
        ByteArrayOutputStream data = new ByteArrayOutputStream(128);
        writeString(data, VERSION);
        writeString(data, name);
        writeString(data, Long.toString(expiry));
        TreeMap<String, String> sorted = new TreeMap<>();
        if (xVars != null) {
            xVars.forEach((k, v) -> {
                if (v != null && !v.isEmpty()) {
                    sorted.put(k, v);
                }
            });
        }
        writeInt(data, sorted.size());
        sorted.forEach((k, v) -> {
            writeString(data, k);
            writeString(data, v);
        });
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHM);
            mac.init(key);
            return mac.doFinal(data.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static void writeString(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        writeInt(out, bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
