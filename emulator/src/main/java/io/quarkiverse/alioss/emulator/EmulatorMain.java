package io.quarkiverse.alioss.emulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Runs the emulator alone: {@code java -jar quarkus-alioss-emulator-<version>-runner.jar [options]}. */
public final class EmulatorMain {

    static final String USAGE = """
            Usage: java -jar quarkus-alioss-emulator-runner.jar [options]

              --port N                   port to listen on; 0 (default) picks a free port
              --host ADDRESS             interface to bind (default 127.0.0.1)
              --bucket NAME              create this bucket at start (repeatable)
              --custom-domain HOST=BUCKET
                                         bind a custom domain (CNAME) to a bucket (repeatable)
              --access-key-id ID         accepted access key id (default %s)
              --access-key-secret SECRET accepted access key secret (default %s)
              --region REGION            region for V4 signatures (default %s)
              --data-dir DIR             keep buckets and objects in DIR across restarts
                                         (default: in memory)
              --event-loops N            event loops serving requests (default: processors, at most 4)
              --fault OP:SETTINGS        inject faults, e.g. PutObject:error-rate=0.2,latency=50ms
                                         (OP may be * ; settings: error-rate, reset-rate, latency, corrupt)
              --help                     print this help
            """.formatted(OssEmulatorOptions.DEFAULT_ACCESS_KEY_ID, OssEmulatorOptions.DEFAULT_ACCESS_KEY_SECRET,
            OssEmulatorOptions.DEFAULT_REGION);

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        OssEmulatorOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.print(USAGE);
            return;
        }
        OssEmulator emulator = OssEmulator.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "oss-emulator-shutdown"));
        printStarted(System.out, emulator);
        stopped.await();
    }

    static void printStarted(PrintStream out, OssEmulator emulator) {
        out.println("OSS emulator listening on " + emulator.baseUrl() + " (region " + emulator.region()
                + ", access key id " + emulator.accessKeyId() + ", callback key " + emulator.callbackPublicKeyUrl()
                + ")");
        out.flush();
    }

    /** The options the arguments ask for, or null when they ask for help. */
    static OssEmulatorOptions parse(String[] args) {
        OssEmulatorOptions.Builder builder = OssEmulatorOptions.builder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            String name = arg;
            String value;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            switch (name) {
                case "--port" -> builder.port(parseNumber(name, value));
                case "--host" -> builder.host(value);
                case "--bucket" -> builder.bucket(value);
                case "--custom-domain" -> {
                    int split = value.indexOf('=');
                    if (split <= 0 || split == value.length() - 1) {
                        throw new IllegalArgumentException("--custom-domain takes HOST=BUCKET, got " + value);
                    }
                    builder.customDomain(value.substring(0, split), value.substring(split + 1));
                }
                case "--access-key-id" -> builder.accessKeyId(value);
                case "--access-key-secret" -> builder.accessKeySecret(value);
                case "--region" -> builder.region(value);
                case "--data-dir" -> builder.dataDir(Path.of(value));
                case "--event-loops" -> builder.eventLoops(parseNumber(name, value));
                case "--fault" -> {
                    new io.quarkiverse.alioss.emulator.fault.FaultInjector().set(value);
                    builder.fault(value);
                }
                default -> throw new IllegalArgumentException("Unknown option " + name);
            }
        }
        return builder.build();
    }

    private static int parseNumber(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, got: " + value);
        }
    }
}
