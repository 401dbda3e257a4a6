package io.quarkiverse.alioss.runtime.metrics.micrometer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkiverse.alioss.runtime.metrics.CallbackMeters;

/**
 * The meters of one {@code @OssCallback} endpoint. The accepted timer and the reply size are made up front; a refusal's
 * timer once per reason (a constant code), so the route does no more than a map look-up per refused callback.
 */
final class MicrometerCallbackMeters implements CallbackMeters {

    static final String CALLBACKS = "oss.callback.requests";
    static final String REPLY_SIZE = "oss.callback.reply.size";

    private final MeterRegistry registry;
    private final String endpoint;
    private final Timer accepted;
    private final DistributionSummary replySize;
    private final Map<String, Timer> refused = new ConcurrentHashMap<>();
    /** Apart from {@link #refused}: a method may refuse with a 4xx or a 5xx under the same reason. */
    private final Map<String, Timer> failed = new ConcurrentHashMap<>();

    MicrometerCallbackMeters(MeterRegistry registry, String endpoint) {
        this.registry = registry;
        this.endpoint = endpoint;
        this.accepted = timer("accepted", "none");
        this.replySize = DistributionSummary.builder(REPLY_SIZE).baseUnit("bytes").tag("endpoint", endpoint)
                .description("Size of the replies an @OssCallback endpoint sent with 200").register(registry);
    }

    @Override
    public void accepted(long nanos, long replyBytes) {
        accepted.record(nanos, TimeUnit.NANOSECONDS);
        replySize.record(replyBytes);
    }

    @Override
    public void refused(String reason, boolean failed, long nanos) {
        Map<String, Timer> timers = failed ? this.failed : refused;
        Timer timer = timers.get(reason);
        if (timer == null) {
            timer = timers.computeIfAbsent(reason, code -> timer(failed ? "failed" : "refused", code));
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(String outcome, String reason) {
        return Timer.builder(CALLBACKS).tag("endpoint", endpoint).tag("outcome", outcome).tag("reason", reason)
                .description("Callbacks an @OssCallback endpoint answered, by outcome and refusal reason")
                .register(registry);
    }
}
