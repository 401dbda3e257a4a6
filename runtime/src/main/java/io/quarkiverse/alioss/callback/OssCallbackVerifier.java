package io.quarkiverse.alioss.callback;

import static io.quarkiverse.alioss.callback.OssCallbackVerificationException.Reason.BAD_SIGNATURE;
import static io.quarkiverse.alioss.callback.OssCallbackVerificationException.Reason.KEY_UNAVAILABLE;
import static io.quarkiverse.alioss.callback.OssCallbackVerificationException.Reason.MALFORMED_AUTHORIZATION;
import static io.quarkiverse.alioss.callback.OssCallbackVerificationException.Reason.MALFORMED_KEY_URL;
import static io.quarkiverse.alioss.callback.OssCallbackVerificationException.Reason.MALFORMED_REQUEST_TARGET;
import static io.quarkiverse.alioss.callback.OssCallbackVerificationException.Reason.MISSING_AUTHORIZATION;
import static io.quarkiverse.alioss.callback.OssCallbackVerificationException.Reason.MISSING_KEY_URL;
import static io.quarkiverse.alioss.callback.OssCallbackVerificationException.Reason.UNTRUSTED_KEY_URL;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.quarkiverse.alioss.runtime.callback.verify.CallbackStringToSign;
import io.quarkiverse.alioss.runtime.callback.verify.OssCallbackKey;
import io.quarkiverse.alioss.runtime.callback.verify.PercentDecoding;
import io.quarkiverse.alioss.runtime.callback.verify.PublicKeys;
import io.quarkiverse.alioss.runtime.callback.verify.RemoteKeyCache;
import io.quarkiverse.alioss.runtime.callback.verify.UntrustedText;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;

/**
 * Verifies that a callback request was signed by OSS (RSA with MD5 over the decoded path, the raw query, {@code \n} and
 * the body), for any code that receives callbacks: generated {@link OssCallback} routes, JAX-RS resources, filters.
 * <p>
 * <b>A valid signature proves little on its own.</b> The OSS callback key is shared by all OSS customers: OSS signs
 * every customer's callbacks with the same key. Anyone with an OSS account can upload to their own bucket with a
 * callback aimed at this application's URL, with a path, query and body of their choosing, and OSS signs that request
 * too. A signature that verifies therefore proves only that some OSS upload triggered the request. It does not prove
 * that this application asked for the callback, nor that any value in the body is true: bucket, object, size and every
 * {@code x:} variable come from a callback template the uploader wrote, which can put any text there. Code that
 * verifies by hand must bind the callback to something it controls, such as a short-lived token it issued for this
 * upload (in the callback URL or an {@code x:} variable) and checks on arrival, together with the bucket and object it
 * expects. The extension's {@link OssCallback} routes do this with their callback token; with the token switched off
 * they too accept any OSS-signed request.
 * <p>
 * Only key URLs on the trusted list are accepted, compared as exact strings; any other URL in
 * {@code x-oss-pub-key-url} is refused before anything is fetched. {@link #ossDefault()} trusts the two
 * {@code gosspublic.alicdn.com} URLs with the pinned OSS key and never fetches. Instances are immutable and thread-safe.
 */
public final class OssCallbackVerifier {

    private static final OssCallbackVerifier OSS_DEFAULT = builder().build();
    private static final int MAX_SHOWN_URL_CHARS = 120;

    /** One MD5withRSA verifier per thread, re-initialised with the key of each callback: no provider lookup. */
    private static final ThreadLocal<Signature> MD5_WITH_RSA = ThreadLocal.withInitial(OssCallbackVerifier::md5WithRsa);

    private final Map<String, PublicKey> pinnedKeys;
    private final Set<String> fetchedKeyUrls;
    /** Trusted key URLs by their standard Base64 spelling, as OSS sends them: such headers need no decoding. */
    private final Map<String, String> trustedByHeader;
    private final RemoteKeyCache remoteKeys;
    private final Duration fetchTimeout;

    private OssCallbackVerifier(Builder builder) {
        this.pinnedKeys = Map.copyOf(builder.pinnedKeys);
        this.fetchedKeyUrls = Set.copyOf(builder.fetchedKeyUrls);
        this.fetchTimeout = builder.fetchTimeout;
        Map<String, String> byHeader = new HashMap<>();
        pinnedKeys.keySet().forEach(url -> byHeader.put(base64(url), url));
        fetchedKeyUrls.forEach(url -> byHeader.put(base64(url), url));
        this.trustedByHeader = Map.copyOf(byHeader);
        this.remoteKeys = fetchedKeyUrls.isEmpty() ? null : new RemoteKeyCache(builder.vertx, builder.fetchTimeout);
    }

    /** Trusts only the real OSS key URLs ({@code http} and {@code https} gosspublic) with the pinned key; fetches nothing. */
    public static OssCallbackVerifier ossDefault() {
        return OSS_DEFAULT;
    }

    /** A builder that starts with the OSS defaults of {@link #ossDefault()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a callback, blocking only when a trusted key must be fetched for the first time (up to the fetch
     * timeout). On a Vert.x event loop use {@link #verifyAsync}: there a fetch cannot be waited for, so this method
     * then throws {@link IllegalStateException} instead of blocking. Pinned keys and keys fetched before need no
     * waiting and are verified on any thread.
     *
     * @param requestTarget the raw path and query as received, e.g. {@code /oss/avatar?t=1}
     * @param authorization the {@code authorization} header
     * @param pubKeyUrl the raw {@code x-oss-pub-key-url} header (Base64 of the key URL)
     * @param body the raw body bytes as received
     * @throws OssCallbackVerificationException when the callback is not genuine, with the reason
     * @throws IllegalStateException when called on a Vert.x event loop thread while the key of the callback's (trusted)
     *         key URL still has to be fetched
     */
    public void verify(String requestTarget, String authorization, String pubKeyUrl, byte[] body) {
        Request request = parse(requestTarget, authorization, pubKeyUrl, body);
        PublicKey key = knownKey(request.keyUrl);
        if (key == null) {
            if (Context.isOnEventLoopThread()) {
                // Checked before waiting: blocking here would stall every connection served by this event loop.
                throw new IllegalStateException("verify(...) would have to block this Vert.x event loop thread while "
                        + "the key of " + shown(request.keyUrl) + " is fetched; on an event loop call verifyAsync(...) "
                        + "instead");
            }
            try {
                key = fetch(request.keyUrl).await().atMost(fetchTimeout.plusSeconds(1));
            } catch (TimeoutException e) {
                // The fetch has its own timeout; this only guards against a fetch that never settles.
                throw new OssCallbackVerificationException(KEY_UNAVAILABLE,
                        "no key for trusted URL " + request.keyUrl + " within " + fetchTimeout.toMillis() + " ms", e);
            }
        }
        checkSignature(request, key);
    }

    /**
     * Verifies a callback when its key is at hand (pinned, or fetched before), on any thread, without waiting for
     * anything; for receivers that want to avoid a {@code Uni} where nothing has to be awaited.
     *
     * @return true when the callback is genuine; false when the key of its trusted key URL must be fetched first:
     *         nothing was decided then, verify with {@link #verifyAsync}
     * @throws OssCallbackVerificationException when the callback is not genuine, with the reason
     */
    public boolean verifyIfKeyKnown(String requestTarget, String authorization, String pubKeyUrl, byte[] body) {
        Request request = parse(requestTarget, authorization, pubKeyUrl, body);
        PublicKey key = knownKey(request.keyUrl);
        if (key == null) {
            return false;
        }
        checkSignature(request, key);
        return true;
    }

    /** The key of a trusted URL when it is at hand without waiting: pinned, or fetched before; null otherwise. */
    private PublicKey knownKey(String keyUrl) {
        PublicKey pinned = pinnedKeys.get(keyUrl);
        return pinned != null ? pinned : remoteKeys.cached(keyUrl).orElse(null);
    }

    /** Same as {@link #verify} without blocking: fetches (when needed) on the Vert.x event loop. */
    public Uni<Void> verifyAsync(String requestTarget, String authorization, String pubKeyUrl, byte[] body) {
        Request request;
        try {
            request = parse(requestTarget, authorization, pubKeyUrl, body);
        } catch (OssCallbackVerificationException e) {
            return Uni.createFrom().failure(e);
        }
        PublicKey pinned = pinnedKeys.get(request.keyUrl);
        Uni<PublicKey> key = pinned != null ? Uni.createFrom().item(pinned) : fetch(request.keyUrl);
        return key.invoke(k -> checkSignature(request, k)).replaceWithVoid();
    }

    private Uni<PublicKey> fetch(String keyUrl) {
        return remoteKeys.get(keyUrl).onFailure().transform(f -> new OssCallbackVerificationException(KEY_UNAVAILABLE,
                "could not obtain the key for trusted URL " + keyUrl + ": " + f.getMessage(), f));
    }

    private Request parse(String requestTarget, String authorization, String pubKeyUrl, byte[] body) {
        if (authorization == null || authorization.isBlank()) {
            throw new OssCallbackVerificationException(MISSING_AUTHORIZATION, "the authorization header is missing");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(authorization.strip());
        } catch (IllegalArgumentException e) {
            throw new OssCallbackVerificationException(MALFORMED_AUTHORIZATION,
                    "the authorization header is not standard Base64 (length " + authorization.length() + ")");
        }
        if (pubKeyUrl == null || pubKeyUrl.isBlank()) {
            throw new OssCallbackVerificationException(MISSING_KEY_URL, "the x-oss-pub-key-url header is missing");
        }
        String stripped = pubKeyUrl.strip();
        String keyUrl = trustedByHeader.get(stripped);
        if (keyUrl == null) {
            // another spelling of a trusted URL (say, without padding), or an untrusted one
            keyUrl = decodeKeyUrl(stripped);
        }
        if (!pinnedKeys.containsKey(keyUrl) && !fetchedKeyUrls.contains(keyUrl)) {
            throw new OssCallbackVerificationException(UNTRUSTED_KEY_URL,
                    "the key URL in x-oss-pub-key-url is not trusted: " + shown(keyUrl));
        }
        if (requestTarget == null || !requestTarget.startsWith("/")) {
            throw new OssCallbackVerificationException(MALFORMED_REQUEST_TARGET,
                    "the request target must be the raw path and query starting with '/', got "
                            + (requestTarget == null ? "null" : shown(requestTarget)));
        }
        byte[] head;
        try {
            head = CallbackStringToSign.head(requestTarget);
        } catch (PercentDecoding.InvalidPercentEncodingException e) {
            throw new OssCallbackVerificationException(MALFORMED_REQUEST_TARGET,
                    "the request path cannot be percent-decoded: " + e.getMessage());
        } catch (CallbackStringToSign.AmbiguousTargetException e) {
            throw new OssCallbackVerificationException(MALFORMED_REQUEST_TARGET,
                    "the request target would sign the same bytes as a different request: " + e.getMessage());
        }
        return new Request(keyUrl, signature, head, body == null ? new byte[0] : body);
    }

    private static String base64(String url) {
        return Base64.getEncoder().encodeToString(url.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeKeyUrl(String base64) {
        try {
            byte[] raw = Base64.getDecoder().decode(base64);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw new OssCallbackVerificationException(MALFORMED_KEY_URL,
                    "the x-oss-pub-key-url header is not Base64 of a UTF-8 URL");
        }
    }

    private static void checkSignature(Request request, PublicKey key) {
        boolean valid;
        try {
            // the body is signed as received, after the head: no copy of it is made
            Signature verifier = MD5_WITH_RSA.get();
            verifier.initVerify(key);
            verifier.update(request.head);
            verifier.update(request.body);
            valid = verifier.verify(request.signature);
        } catch (GeneralSecurityException e) {
            // Wrong signature length or a key of the wrong type: not a signature this key made.
            valid = false;
        }
        if (!valid) {
            throw new OssCallbackVerificationException(BAD_SIGNATURE,
                    "the signature does not match the request path, query and body under the key of "
                            + shown(request.keyUrl));
        }
    }

    private static Signature md5WithRsa() {
        try {
            return Signature.getInstance("MD5withRSA");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5withRSA is not available", e);
        }
    }

    /** Header values are attacker-controlled: shorten and strip control characters before they reach a message. */
    private static String shown(String value) {
        return UntrustedText.shown(value, MAX_SHOWN_URL_CHARS);
    }

    /** A parsed callback; OSS signs {@code head} (decoded path, query, newline) followed by {@code body}. */
    private static final class Request {
        final String keyUrl;
        final byte[] signature;
        final byte[] head;
        final byte[] body;

        Request(String keyUrl, byte[] signature, byte[] head, byte[] body) {
            this.keyUrl = keyUrl;
            this.signature = signature;
            this.head = head;
            this.body = body;
        }
    }

    /** Adds trusted key URLs to the OSS defaults. URLs are matched exactly: no prefixes, no normalisation. */
    public static final class Builder {
        private final Map<String, PublicKey> pinnedKeys = new LinkedHashMap<>();
        private final Set<String> fetchedKeyUrls = new LinkedHashSet<>();
        private Vertx vertx;
        private Duration fetchTimeout = Duration.ofSeconds(5);

        private Builder() {
            OssCallbackKey.URLS.forEach(url -> pinnedKeys.put(url, OssCallbackKey.publicKey()));
        }

        /** Trusts {@code keyUrl} with a key given here (e.g. a test key or the emulator's); nothing is fetched. */
        public Builder trustKey(String keyUrl, PublicKey key) {
            requireUrl(keyUrl);
            pinnedKeys.put(keyUrl, Objects.requireNonNull(key, "key"));
            fetchedKeyUrls.remove(keyUrl);
            return this;
        }

        /** Trusts {@code keyUrl} with a key given as PEM ({@code -----BEGIN PUBLIC KEY-----}). */
        public Builder trustKey(String keyUrl, String pem) {
            return trustKey(keyUrl, PublicKeys.parsePem(pem));
        }

        /**
         * Trusts {@code keyUrl} and fetches its key the first time a callback names it (then keeps it). Needs
         * {@link #vertx(Vertx)}.
         */
        public Builder trustFetchedKey(String keyUrl) {
            requireUrl(keyUrl);
            if (!pinnedKeys.containsKey(keyUrl)) {
                fetchedKeyUrls.add(keyUrl);
            }
            return this;
        }

        /** The Vert.x instance whose web client fetches keys for {@link #trustFetchedKey}. */
        public Builder vertx(Vertx vertx) {
            this.vertx = Objects.requireNonNull(vertx, "vertx");
            return this;
        }

        /** Time limit for one key fetch (connect and response); default 5 s. */
        public Builder fetchTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("fetchTimeout must be positive, got " + timeout);
            }
            this.fetchTimeout = timeout;
            return this;
        }

        public OssCallbackVerifier build() {
            if (!fetchedKeyUrls.isEmpty() && vertx == null) {
                throw new IllegalStateException("trustFetchedKey(" + fetchedKeyUrls.iterator().next()
                        + ") needs vertx(...) to fetch keys with");
            }
            return new OssCallbackVerifier(this);
        }

        private static void requireUrl(String keyUrl) {
            if (keyUrl == null || !(keyUrl.startsWith("http://") || keyUrl.startsWith("https://"))) {
                throw new IllegalArgumentException("trusted key URL must be an absolute http(s) URL, got " + keyUrl);
            }
        }
    }
}
