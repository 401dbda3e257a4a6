package io.quarkiverse.alioss.runtime.metrics.micrometer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkiverse.alioss.runtime.metrics.ClientMeters;

/**
 * The meters of one client. A request's timer is found by operation (a constant string) and status (an array slot), so
 * that after the first request of each kind nothing is built or registered.
 */
final class MicrometerClientMeters implements ClientMeters {

    static final String REQUESTS = "oss.client.requests";
    static final String BYTES_SENT = "oss.client.bytes.sent";
    static final String BYTES_RECEIVED = "oss.client.bytes.received";
    static final String RETRIES = "oss.client.retries";
    static final String PARTS = "oss.client.multipart.parts";

    /** HTTP statuses end below this; slot 0 is {@link #NO_STATUS}. */
    private static final int STATUS_SLOTS = 600;

    private final MeterRegistry registry;
    private final String client;
    private final Counter sent;
    private final Counter received;
    private final Counter parts;
    private final Map<String, AtomicReferenceArray<Timer>> requests = new ConcurrentHashMap<>();
    private final Map<String, Counter> retries = new ConcurrentHashMap<>();

    MicrometerClientMeters(MeterRegistry registry, String client) {
        this.registry = registry;
        this.client = client;
        this.sent = Counter.builder(BYTES_SENT).baseUnit("bytes").tag("client", client)
                .description("Request body bytes an OSS client sent, retried attempts included").register(registry);
        this.received = Counter.builder(BYTES_RECEIVED).baseUnit("bytes").tag("client", client)
                .description("Response body bytes an OSS client received").register(registry);
        this.parts = Counter.builder(PARTS).tag("client", client)
                .description("Multipart parts an OSS client uploaded").register(registry);
    }

    @Override
    public void request(String operation, int status, long nanos) {
        AtomicReferenceArray<Timer> byStatus = requests.computeIfAbsent(operation,
                ignored -> new AtomicReferenceArray<>(STATUS_SLOTS));
        int slot = status > 0 && status < STATUS_SLOTS ? status : NO_STATUS;
        Timer timer = byStatus.get(slot);
        if (timer == null) {
            timer = Timer.builder(REQUESTS).tag("client", client).tag("operation", operation)
                    .tag("status", slot == NO_STATUS ? "none" : Integer.toString(slot))
                    .description("HTTP requests an OSS client sent (each attempt), by operation and status")
                    .register(registry);
            byStatus.set(slot, timer);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void sent(long bytes) {
        sent.increment(bytes);
    }

    @Override
    public void received(long bytes) {
        received.increment(bytes);
    }

    @Override
    public void retry(String operation) {
        retries.computeIfAbsent(operation, ignored -> Counter.builder(RETRIES).tag("client", client)
                .tag("operation", operation).description("Failed OSS requests a client sent again")
                .register(registry)).increment();
    }

    @Override
    public void partUploaded() {
        parts.increment();
    }
}
