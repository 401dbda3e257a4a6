package io.quarkiverse.alioss.benchmarks.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a callback receiver's CPU goes, from a JFR recording of the application under load: the execution samples
 * attributed to the stages of the receive pipeline (the innermost stage on the stack wins), then the methods with
 * the most samples on their stack and at its top.
 * <p>
 * Usage: {@code java -cp callback-load.jar io.quarkiverse.alioss.benchmarks.load.JfrBreakdown <recording.jfr>}
 */
public final class JfrBreakdown {

    /** Stages of the pipeline, by a prefix of the frame's class and method name. */
    private static final Map<String, String> STAGES = new LinkedHashMap<>();
    /** What runs under everything; only counted when no stage is on the stack. */
    private static final Map<String, String> INFRASTRUCTURE = new LinkedHashMap<>();
    private static final int SHOWN_METHODS = 40;

    static {
        STAGES.put("sun.security.rsa.RSASignature.engineVerify", "RSA verify (MD5withRSA)");
        STAGES.put("java.security.Signature.getInstance", "Signature.getInstance and init");
        STAGES.put("java.security.Signature.initVerify", "Signature.getInstance and init");
        STAGES.put("io.quarkiverse.alioss.runtime.callback.verify.CallbackStringToSign", "string to sign");
        STAGES.put("io.quarkiverse.alioss.callback.OssCallbackVerifier", "verifier (headers, Base64, rest)");
        STAGES.put("io.quarkiverse.alioss.runtime.callback.token.MemoryTokenStore", "token claim (store)");
        STAGES.put("io.quarkiverse.alioss.runtime.callback.receive.CallbackTokenCheck.claim", "token claim (store)");
        STAGES.put("io.quarkiverse.alioss.runtime.callback.token.CallbackToken", "token parse and HMAC");
        STAGES.put("io.quarkiverse.alioss.runtime.callback.receive.CallbackTokenCheck", "token parse and HMAC");
        STAGES.put("io.quarkiverse.alioss.runtime.callback.receive.FormCallbackFields.parse", "form parse");
        STAGES.put("io.quarkiverse.alioss.runtime.callback.receive.FormCallbackFields", "field decode");
        STAGES.put("io.quarkiverse.alioss.runtime.callback.CallbackTemplate", "template lookups");
        STAGES.put("io.quarkiverse.alioss.runtime.callback.receive.CallbackValues", "binding (convert)");
        STAGES.put("io.quarkiverse.alioss.runtime.callback.receive.CallbackArgumentBinder", "binding (convert)");
        STAGES.put("io.quarkiverse.alioss.runtime.callback.receive.CallbackBodyReader", "body read");
        STAGES.put("io.quarkiverse.alioss.runtime.callback.receive.CallbackReplies", "reply (serialize, write)");
        STAGES.put("io.quarkiverse.alioss.runtime.callback.receive.CallbackIntake", "intake (rest)");
        STAGES.put("io.quarkiverse.alioss.runtime.rest", "REST adapter");
        STAGES.put("io.quarkiverse.alioss.runtime.callback.receive.OssCallbackRouteHandler", "route handler (rest)");
        STAGES.put("io.quarkiverse.alioss.benchmarks.callback.BareForm", "bare: form parse");
        STAGES.put("io.quarkiverse.alioss.benchmarks.callback", "bare/sample: rest of the receiver");
        INFRASTRUCTURE.put("io.smallrye.mutiny", "Mutiny");
        INFRASTRUCTURE.put("com.fasterxml.jackson", "Jackson");
        INFRASTRUCTURE.put("org.jboss.resteasy.reactive", "RESTEasy Reactive");
        INFRASTRUCTURE.put("io.quarkus.arc", "ArC");
        INFRASTRUCTURE.put("io.vertx", "Vert.x and Netty (HTTP, event loop)");
        INFRASTRUCTURE.put("io.netty", "Vert.x and Netty (HTTP, event loop)");
        INFRASTRUCTURE.put("org.jboss.threads", "worker pool");
        INFRASTRUCTURE.put("java.util.concurrent", "worker pool");
    }

    private JfrBreakdown() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, Long> stages = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        long total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            total++;
            threads.merge(threadGroup(event.getThread("sampledThread").getJavaName()), 1L, Long::sum);
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0)), 1L, Long::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (seen.add(name)) {
                    inclusive.merge(name, 1L, Long::sum);
                }
            }
            stages.merge(stage(frames), 1L, Long::sum);
        }
        System.out.println("execution samples: " + total);
        print("threads", threads, total, Integer.MAX_VALUE);
        print("stages (innermost stage on the stack)", stages, total, Integer.MAX_VALUE);
        print("methods on the stack (inclusive)", inclusive, total, SHOWN_METHODS);
        print("methods at the top of the stack (self)", self, total, SHOWN_METHODS);
    }

    private static String stage(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String found = match(STAGES, name(frame));
            if (found != null) {
                return found;
            }
        }
        for (RecordedFrame frame : frames) {
            String found = match(INFRASTRUCTURE, name(frame));
            if (found != null) {
                return found;
            }
        }
        return "other (JDK, GC barriers, ...)";
    }

    private static String match(Map<String, String> prefixes, String name) {
        for (Map.Entry<String, String> prefix : prefixes.entrySet()) {
            if (name.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        return null;
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String threadGroup(String thread) {
        return thread == null ? "(unnamed)" : thread.replaceAll("-?\\d+$", "");
    }

    private static void print(String title, Map<String, Long> counts, long total, int limit) {
        System.out.println();
        System.out.println(title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Long> comparingByValue().reversed()).limit(limit)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / total,
                        e.getKey()));
    }
}
