package io.quarkiverse.alioss.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.vertx.core.Vertx;

/** How to start an {@link OssEmulator}; build with {@link #builder()}. */
public final class OssEmulatorOptions {

    public static final String DEFAULT_ACCESS_KEY_ID = "emulator-access-key-id";
    public static final String DEFAULT_ACCESS_KEY_SECRET = "emulator-access-key-secret";
    public static final String DEFAULT_REGION = "cn-hangzhou";
    /** The RAM role name the emulated ECS metadata service says is attached to the instance. */
    public static final String DEFAULT_ECS_ROLE_NAME = "emulator-ecs-role";

    private final String host;
    private final int port;
    private final List<String> buckets;
    private final String accessKeyId;
    private final String accessKeySecret;
    private final String region;
    private final Path dataDir;
    private final List<String> faults;
    private final Vertx vertx;
    private final int eventLoops;
    private final String ecsRoleName;
    private final Duration temporaryCredentialLifetime;
    private final Map<String, String> customDomains;

    private OssEmulatorOptions(Builder b) {
        this.customDomains = Map.copyOf(b.customDomains);
        this.ecsRoleName = b.ecsRoleName;
        this.temporaryCredentialLifetime = b.temporaryCredentialLifetime;
        this.eventLoops = b.eventLoops;
        this.host = b.host;
        this.port = b.port;
        this.buckets = List.copyOf(b.buckets);
        this.accessKeyId = b.accessKeyId;
        this.accessKeySecret = b.accessKeySecret;
        this.region = b.region;
        this.dataDir = b.dataDir;
        this.faults = List.copyOf(b.faults);
        this.vertx = b.vertx;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String host() {
        return host;
    }

    /** 0 means any free port. */
    public int port() {
        return port;
    }

    public List<String> buckets() {
        return buckets;
    }

    /** Custom domains (CNAMEs) bound to buckets: host name, lower case, to bucket. */
    public Map<String, String> customDomains() {
        return customDomains;
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public String accessKeySecret() {
        return accessKeySecret;
    }

    public String region() {
        return region;
    }

    /**
     * Directory that keeps the buckets and objects (bytes and metadata) across restarts: an emulator started on it
     * finds what the last one left; null to keep everything in memory. One emulator at a time per directory.
     */
    public Path dataDir() {
        return dataDir;
    }

    /** Fault specs as on the command line, e.g. {@code PutObject:error-rate=0.2,latency=50ms}. */
    public List<String> faults() {
        return faults;
    }

    /** A Vert.x instance to run on (not closed by the emulator), or null to create an own one. */
    public Vertx vertx() {
        return vertx;
    }

    /** How many event loops serve requests (each runs its own HTTP server on the shared port). */
    public int eventLoops() {
        return eventLoops;
    }

    /** The RAM role the emulated ECS metadata service lists and issues credentials for. */
    public String ecsRoleName() {
        return ecsRoleName;
    }

    /**
     * The lifetime of every temporary credential the emulator issues (STS and ECS metadata); empty: what the request
     * asks ({@code DurationSeconds}, default one hour) or six hours for the ECS role, as the cloud does.
     */
    public Optional<Duration> temporaryCredentialLifetime() {
        return Optional.ofNullable(temporaryCredentialLifetime);
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private final List<String> buckets = new ArrayList<>();
        private final Map<String, String> customDomains = new LinkedHashMap<>();
        private String accessKeyId = DEFAULT_ACCESS_KEY_ID;
        private String accessKeySecret = DEFAULT_ACCESS_KEY_SECRET;
        private String region = DEFAULT_REGION;
        private Path dataDir;
        private final List<String> faults = new ArrayList<>();
        private Vertx vertx;
        private int eventLoops = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

        private String ecsRoleName = DEFAULT_ECS_ROLE_NAME;
        private Duration temporaryCredentialLifetime;

        private Builder() {
        }

        public Builder ecsRoleName(String value) {
            this.ecsRoleName = requireText(value, "ecsRoleName");
            return this;
        }

        /** Issues every temporary credential for this long, e.g. 3 seconds to test refresh and expiry. */
        public Builder temporaryCredentialLifetime(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("temporaryCredentialLifetime must be positive, got: " + value);
            }
            this.temporaryCredentialLifetime = value;
            return this;
        }

        /** Interface to bind; the base URL uses it too. Default 127.0.0.1. */
        public Builder host(String value) {
            this.host = Objects.requireNonNull(value, "host");
            return this;
        }

        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got: " + value);
            }
            this.port = value;
            return this;
        }

        public Builder bucket(String name) {
            BucketNames.check(name);
            this.buckets.add(name);
            return this;
        }

        /**
         * Binds the custom domain {@code host} (as OSS does for a CNAME) to {@code bucket}: requests whose
         * {@code Host} names it address that bucket, {@code /key} without the bucket in path or host.
         */
        public Builder customDomain(String host, String bucket) {
            BucketNames.check(bucket);
            this.customDomains.put(requireText(host, "customDomain").toLowerCase(Locale.ROOT), bucket);
            return this;
        }

        public Builder accessKeyId(String value) {
            this.accessKeyId = requireText(value, "accessKeyId");
            return this;
        }

        public Builder accessKeySecret(String value) {
            this.accessKeySecret = requireText(value, "accessKeySecret");
            return this;
        }

        public Builder region(String value) {
            this.region = requireText(value, "region");
            return this;
        }

        public Builder dataDir(Path value) {
            this.dataDir = value;
            return this;
        }

        public Builder fault(String spec) {
            this.faults.add(Objects.requireNonNull(spec, "fault"));
            return this;
        }

        /** Default: the number of processors, at most 4. */
        public Builder eventLoops(int value) {
            if (value < 1 || value > 64) {
                throw new IllegalArgumentException("eventLoops must be 1..64, got: " + value);
            }
            this.eventLoops = value;
            return this;
        }

        public Builder vertx(Vertx value) {
            this.vertx = value;
            return this;
        }

        public OssEmulatorOptions build() {
            return new OssEmulatorOptions(this);
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}
