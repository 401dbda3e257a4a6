package io.quarkiverse.alioss.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The emulator's fault injection, switched from a test. Faults apply to every client of the emulator from the next
 * request on, until cleared: clear them after each test that sets some (for example in {@code @AfterEach}).
 */
public final class EmulatorFaults {

    private final EmulatorControlClient control;

    EmulatorFaults(EmulatorControlClient control) {
        this.control = control;
    }

    /**
     * Sets faults in the emulator's syntax, {@code <Operation|*>:<settings>}, e.g.
     * {@code PutObject:error-rate=1} or {@code GetObject:latency=200ms,corrupt=true}. All are checked before any
     * applies.
     *
     * @throws IllegalStateException with the emulator's message when one is malformed
     */
    public EmulatorFaults set(String... faults) {
        byte[] body = String.join("\n", List.of(faults)).getBytes(StandardCharsets.UTF_8);
        control.send("POST", ControlPaths.FAULTS, Map.of(), "text/plain; charset=utf-8", body);
        return this;
    }

    /** Every request of {@code operation} (an OSS name such as {@code PutObject}) is answered 503 ServiceUnavailable. */
    public EmulatorFaults failAlways(String operation) {
        return set(operation + ":error-rate=1");
    }

    /** Removes every fault. */
    public EmulatorFaults clear() {
        control.send("DELETE", ControlPaths.FAULTS, Map.of(), null, null);
        return this;
    }
}
