package io.quarkiverse.alioss.runtime.callback.token;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 token a callback template puts into the callback URL's query, where the OSS signature covers it. It
 * binds the callback name, an expiry, the bucket, the object key (or the key prefix of a PostObject form), whether the
 * callback must be confirmed with OSS, and the values of the custom {@code x:} variables; a random nonce makes every
 * token unique, so that it can be accepted once.
 * <p>
 * Format: {@code v2.<expiry>.<mode>.<nonce>.<mac>}: the expiry in epoch seconds (digits, no sign, no leading zero); the
 * mode {@code k} (exact key) or {@code p<n>} (the key's first {@code n} characters are the pinned prefix), upper case
 * when the callback must be confirmed; 12 nonce bytes and the 32-byte MAC in unpadded Base64url. Only this exact
 * spelling is accepted, so one token has one text. The MAC input is length-prefixed strict UTF-8 (see {@link #mac}): no
 * choice of names or values makes two bindings collide, and text that is not valid Unicode is refused.
 */
public final class CallbackToken {

    /** Name of the query parameter that carries the token. */
    public static final String QUERY_PARAMETER = "oss-cb-token";

    private static final String VERSION = "v2";
    private static final String MAC_ALGORITHM = "HmacSHA256";
    private static final int MIN_SECRET_BYTES = 32;
    private static final int MAC_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    /** OSS object keys are at most 1023 bytes, so no prefix is longer. */
    private static final int MAX_PREFIX_LENGTH = 1023;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final SecureRandom random;
    /** A MAC and an input buffer per thread, reused: no provider lookup, no allocation but the result. */
    private final ThreadLocal<MacInput> macInputs;

    /** @param secret at least 32 bytes; from configuration, or random per start */
    public CallbackToken(byte[] secret, SecureRandom random) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("callback token secret must have at least " + MIN_SECRET_BYTES
                    + " bytes, got " + (secret == null ? 0 : secret.length));
        }
        this.key = new SecretKeySpec(secret.clone(), MAC_ALGORITHM);
        this.random = random;
        this.macInputs = ThreadLocal.withInitial(this::newMacInput);
    }

    /** Why a token was refused. */
    public enum Failure {
        /** No token in the callback URL's query (or more than one). */
        MISSING,
        /** Not exactly of the form {@code v2.<expiry>.<mode>.<nonce>.<mac>}. */
        MALFORMED,
        /** The MAC does not match this callback's name, bucket, object and {@code x:} values (edited or foreign). */
        MISMATCH,
        /** The token is genuine but its expiry has passed. */
        EXPIRED
    }

    /** A refused token; {@link #failure()} is machine-readable, the message never contains the token. */
    public static final class TokenException extends RuntimeException {
        private final Failure failure;

        TokenException(Failure failure, String message) {
            super(failure + ": " + message, null, false, false);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    /**
     * What a token binds.
     *
     * @param name the callback name
     * @param bucket the bucket the object is uploaded to
     * @param key the exact object key, or the key prefix when {@code keyIsPrefix}
     * @param confirm whether the route must confirm the callback with OSS
     * @param customValues custom variable values keyed {@code x:name}; empty values count as absent (OSS renders an
     *        empty {@code x:} value as {@code null} in a JSON body)
     */
    public record Binding(String name, String bucket, String key, boolean keyIsPrefix, boolean confirm,
            Map<String, String> customValues) {
    }

    /**
     * A token read from a callback URL, syntax checked, MAC not yet.
     *
     * @param prefixLength the number of leading characters of the object key the token pins; -1 for the exact key
     * @param id identifies the token for single use: its MAC, Base64url
     */
    public record Presented(long expiry, int prefixLength, boolean confirm, byte[] nonce, byte[] mac, String id) {
    }

    /** @throws IllegalArgumentException when a bound string is not valid Unicode or the prefix is too long */
    public String issue(Binding binding, long expiryEpochSeconds) {
        if (expiryEpochSeconds < 0) {
            throw new IllegalArgumentException("callback token expiry must not be negative");
        }
        if (binding.keyIsPrefix() && binding.key().length() > MAX_PREFIX_LENGTH) {
            throw new IllegalArgumentException("callback key prefix longer than " + MAX_PREFIX_LENGTH + " characters");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        String mode = mode(binding.keyIsPrefix() ? binding.key().length() : -1, binding.confirm());
        byte[] mac;
        try {
            mac = mac(binding.name(), expiryEpochSeconds, mode, nonce, binding.bucket(), binding.key(),
                    binding.customValues());
        } catch (TokenException e) {
            throw new IllegalArgumentException("a callback token can only bind valid Unicode text");
        }
        return VERSION + "." + expiryEpochSeconds + "." + mode + "." + ENCODER.encodeToString(nonce) + "."
                + ENCODER.encodeToString(mac);
    }

    /**
     * Reads a token in its one accepted spelling.
     *
     * @throws TokenException {@link Failure#MISSING} or {@link Failure#MALFORMED}
     */
    public static Presented parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new TokenException(Failure.MISSING, "the callback URL has no " + QUERY_PARAMETER + " parameter");
        }
        String[] parts = fiveParts(text);
        if (parts == null || !VERSION.equals(parts[0])) {
            throw malformed("not of the form v2.<expiry>.<mode>.<nonce>.<mac>");
        }
        long expiry = decimal(parts[1], 19, "expiry");
        String mode = parts[2];
        if (mode.isEmpty()) {
            throw malformed("empty mode");
        }
        char kind = mode.charAt(0);
        boolean confirm = Character.isUpperCase(kind);
        int prefixLength;
        if ((kind == 'k' || kind == 'K') && mode.length() == 1) {
            prefixLength = -1;
        } else if (kind == 'p' || kind == 'P') {
            long length = decimal(mode.substring(1), 4, "prefix length");
            if (length > MAX_PREFIX_LENGTH) {
                throw malformed("prefix length out of range");
            }
            prefixLength = (int) length;
        } else {
            throw malformed("unknown mode");
        }
        byte[] nonce = canonicalBase64(parts[3], NONCE_BYTES, "nonce");
        byte[] mac = canonicalBase64(parts[4], MAC_BYTES, "MAC");
        return new Presented(expiry, prefixLength, confirm, nonce, mac, parts[4]);
    }

    /** The five dot-separated parts of a token, or null when there are not exactly five. */
    private static String[] fiveParts(String text) {
        String[] parts = new String[5];
        int start = 0;
        for (int i = 0; i < 4; i++) {
            int dot = text.indexOf('.', start);
            if (dot < 0) {
                return null;
            }
            parts[i] = text.substring(start, dot);
            start = dot + 1;
        }
        if (text.indexOf('.', start) >= 0) {
            return null;
        }
        parts[4] = text.substring(start);
        return parts;
    }

    /**
     * Accepts the token only if this secret issued it for exactly this callback, bucket, object and {@code x:} values
     * and it has not expired at {@code now}. The MAC is checked before the expiry, so a forged expiry is a mismatch.
     *
     * @param object the object key the callback body names; a prefix token pins its first characters
     * @throws TokenException {@link Failure#MISMATCH} or {@link Failure#EXPIRED}
     */
    public void check(Presented token, String name, String bucket, String object, Map<String, String> customValues,
            Instant now) {
        if (bucket == null || object == null) {
            throw new TokenException(Failure.MISMATCH, "the callback body does not name the bucket and the object");
        }
        String pinnedKey = object;
        if (token.prefixLength() >= 0) {
            if (object.length() < token.prefixLength()) {
                throw new TokenException(Failure.MISMATCH, "the object key is shorter than the pinned prefix");
            }
            pinnedKey = object.substring(0, token.prefixLength());
        }
        byte[] expected = mac(name, token.expiry(), mode(token.prefixLength(), token.confirm()), token.nonce(), bucket,
                pinnedKey, customValues);
        if (!MessageDigest.isEqual(token.mac(), expected)) {
            throw new TokenException(Failure.MISMATCH, "the token was not issued for callback '" + name
                    + "' with this bucket, object and x: values");
        }
        if (now.getEpochSecond() > token.expiry()) {
            throw new TokenException(Failure.EXPIRED, "the token of callback '" + name + "' expired at "
                    + Instant.ofEpochSecond(token.expiry()));
        }
    }

    /**
     * The token in a raw query string ({@code a=b&oss-cb-token=...}): null when absent, empty (refused as
     * {@link Failure#MISSING}) when the parameter appears more than once.
     */
    public static String fromQuery(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        String found = null;
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            int nameEnd = start + QUERY_PARAMETER.length();
            if (rawQuery.startsWith(QUERY_PARAMETER, start) && (nameEnd == end || rawQuery.charAt(nameEnd) == '=')) {
                if (found != null) {
                    // two tokens: ambiguous which one a receiver would trust, so trust neither
                    return "";
                }
                found = nameEnd == end ? "" : rawQuery.substring(nameEnd + 1, end);
            }
            start = end + 1;
        }
        return found;
    }

    private static String mode(int prefixLength, boolean confirm) {
        String mode = prefixLength < 0 ? "k" : "p" + prefixLength;
        return confirm ? mode.toUpperCase(Locale.ROOT) : mode;
    }

    /**
     * HMAC over: version, name, expiry, mode, nonce, bucket, key or prefix, the number of variables, then each (name,
     * value) sorted by name. Every string is written as a 4-byte length and its UTF-8 bytes; variables without a value
     * (null or empty) are left out: OSS renders an empty {@code x:} value as {@code null} in a JSON body.
     */
    private byte[] mac(String name, long expiry, String mode, byte[] nonce, String bucket, String key,
            Map<String, String> customValues) {
        MacInput input = macInputs.get().reset();
        try {
            input.writeString(VERSION);
            input.writeString(name);
            input.writeString(Long.toString(expiry));
            input.writeString(mode);
            input.writeBytes(nonce);
            input.writeString(bucket);
            input.writeString(key);
            input.writeVariables(customValues);
        } catch (IllegalArgumentException e) {
            // a lone surrogate would otherwise become '?' and collide with a real '?'
            throw new TokenException(Failure.MISMATCH, "a bound value is not valid Unicode");
        }
        return input.mac();
    }

    private MacInput newMacInput() {
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHM);
            mac.init(key);
            return new MacInput(mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Digits only, no sign, no leading zero, at most {@code maxDigits}. */
    private static long decimal(String text, int maxDigits, String what) {
        if (text.isEmpty() || text.length() > maxDigits || (text.length() > 1 && text.charAt(0) == '0')) {
            throw malformed("invalid " + what);
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw malformed("invalid " + what);
            }
            try {
                value = Math.addExact(Math.multiplyExact(value, 10), c - '0');
            } catch (ArithmeticException e) {
                throw malformed(what + " out of range");
            }
        }
        return value;
    }

    /** Unpadded Base64url of exactly {@code length} bytes, in the one spelling the encoder produces. */
    private static byte[] canonicalBase64(String text, int length, String what) {
        byte[] decoded;
        try {
            decoded = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw malformed("the " + what + " is not Base64url");
        }
        // the encoder's spelling has no padding and zeros in the bits of the last character that carry no byte
        int characters = (length * 4 + 2) / 3;
        int spareBits = characters * 6 - length * 8;
        if (decoded.length != length || text.length() != characters
                || (base64UrlValue(text.charAt(characters - 1)) & ((1 << spareBits) - 1)) != 0) {
            throw malformed("the " + what + " is not " + length + " bytes in unpadded Base64url");
        }
        return decoded;
    }

    /** The 6-bit value of a Base64url character the decoder accepted. */
    private static int base64UrlValue(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : 63;
    }

    private static TokenException malformed(String message) {
        return new TokenException(Failure.MALFORMED, message);
    }
}
