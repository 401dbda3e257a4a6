package io.quarkiverse.alioss.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of a Linux process from {@code /proc/<pid>/status}, in KiB. */
final class ProcStatus {

    private ProcStatus() {
    }

    /** Current resident set size. */
    static long rssKib(long pid) throws IOException {
        return field(pid, "VmRSS:");
    }

    /** Peak resident set size since the process started or since {@link #resetPeak(long)}. */
    static long peakKib(long pid) throws IOException {
        return field(pid, "VmHWM:");
    }

    /** Makes the peak start again from the current RSS (writes 5 to clear_refs); false if Linux refused. */
    static boolean resetPeak(long pid) {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static long field(long pid, String name) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IOException(name + " not found for process " + pid);
    }
}
