package io.quarkiverse.alioss.runtime.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkiverse.alioss.runtime.metrics.CallbackMeters;

/** The series one callback endpoint reports: by outcome and reason, and the size of accepted replies. */
class CallbackMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CallbackMeters meters = new MicrometerOssMetrics(registry).callback("avatar");

    @Test
    void acceptedRefusedAndFailedAreSeparateSeries() {
        meters.accepted(1_000, 15);
        meters.accepted(2_000, 25);
        meters.refused("BAD_SIGNATURE", false, 500);
        meters.refused("METHOD_REFUSED", false, 500);
        meters.refused("METHOD_REFUSED", true, 500);

        assertThat(count("accepted", "none")).isEqualTo(2);
        assertThat(count("refused", "BAD_SIGNATURE")).isEqualTo(1);
        assertThat(count("refused", "METHOD_REFUSED")).isEqualTo(1);
        assertThat(count("failed", "METHOD_REFUSED")).isEqualTo(1);
        assertThat(registry.get("oss.callback.reply.size").tag("endpoint", "avatar").summary().totalAmount())
                .isEqualTo(40);
    }

    private long count(String outcome, String reason) {
        return registry.get("oss.callback.requests").tags("endpoint", "avatar", "outcome", outcome, "reason", reason)
                .timer().count();
    }
}
