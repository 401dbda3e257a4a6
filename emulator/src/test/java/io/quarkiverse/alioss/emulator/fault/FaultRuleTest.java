package io.quarkiverse.alioss.emulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The fault specification language of the CLI and the Java API. */
class FaultRuleTest {

    @Test
    void parsesEverySetting() {
        assertThat(FaultRule.parse("error-rate=0.2,reset-rate=0.1,latency=50ms,corrupt=true"))
                .isEqualTo(new FaultRule(0.2, 0.1, Duration.ofMillis(50), true));
        assertThat(FaultRule.parse("latency=2s").latency()).isEqualTo(Duration.ofSeconds(2));
        assertThat(FaultRule.parse("corrupt").corrupt()).isTrue();
    }

    @Test
    void refusesBadSettingsNamingThem() {
        assertThatThrownBy(() -> FaultRule.parse("error-rate=1.5")).hasMessageContaining("error-rate");
        assertThatThrownBy(() -> FaultRule.parse("latency=soon")).hasMessageContaining("latency");
        assertThatThrownBy(() -> FaultRule.parse("explode=1")).hasMessageContaining("explode");
        assertThatThrownBy(() -> new FaultInjector().set("no-colon")).hasMessageContaining("no-colon");
    }

    @Test
    void operationRuleWinsOverTheWildcard() {
        FaultInjector faults = new FaultInjector().set("*:latency=10ms").set("PutObject:error-rate=1");
        assertThat(faults.ruleFor("PutObject").errorRate()).isEqualTo(1.0);
        assertThat(faults.ruleFor("GetObject").latency()).isEqualTo(Duration.ofMillis(10));
        assertThat(faults.clear().ruleFor("GetObject")).isEqualTo(FaultRule.NONE);
    }
}
