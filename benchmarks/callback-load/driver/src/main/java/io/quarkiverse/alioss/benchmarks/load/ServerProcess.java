package io.quarkiverse.alioss.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Quarkus application under test, started as its packaged jar in its own JVM, optionally pinned to given CPUs
 * with {@code taskset}; its configuration goes into a properties file of its own, its output into a log file.
 */
final class ServerProcess implements AutoCloseable {

    /** {@code getconf CLK_TCK} on Linux. */
    private static final int CLOCK_TICKS_PER_SECOND = 100;
    private static final Pattern STARTED = Pattern.compile("started in (\\d+\\.\\d+)s");

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;
    private final long startNanos;

    private ServerProcess(String name, Process process, Path log, int port, long startNanos) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
        this.startNanos = startNanos;
    }

    /**
     * @param application the {@code target/quarkus-app} directory
     * @param cpus the {@code taskset} CPU list, or null to run unpinned
     */
    static ServerProcess start(String name, Path application, List<String> jvmOptions, Map<String, String> config,
            int port, String cpus, Path workDirectory) throws IOException {
        Files.createDirectories(workDirectory);
        Path configFile = workDirectory.resolve(name + ".properties");
        Properties properties = new Properties();
        properties.putAll(config);
        properties.put("quarkus.http.port", Integer.toString(port));
        properties.put("quarkus.http.host", "127.0.0.1");
        try (Writer out = Files.newBufferedWriter(configFile)) {
            properties.store(out, "written by the callback load harness for " + name);
        }
        List<String> command = new ArrayList<>();
        if (cpus != null) {
            command.addAll(List.of("taskset", "-c", cpus));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dquarkus.config.locations=" + configFile.toUri());
        command.add("-jar");
        command.add(application.resolve("quarkus-run.jar").toString());
        Path log = workDirectory.resolve(name + ".log");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        return new ServerProcess(name, process, log, port, start);
    }

    /** @return the time from launching the JVM to the first HTTP response it gave */
    Duration awaitFirstResponse(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (answers()) {
                return Duration.ofNanos(System.nanoTime() - startNanos);
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException(name + " did not answer within " + timeout + "; see " + log);
    }

    private boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] start = in.readNBytes(5);
            return new String(start, StandardCharsets.US_ASCII).equals("HTTP/");
        } catch (IOException e) {
            return false;
        }
    }

    /** The start-up time Quarkus logs itself ("started in 0.812s"), when found. */
    OptionalDouble quarkusStartedSeconds() throws IOException {
        Matcher matcher = STARTED.matcher(Files.readString(log));
        return matcher.find() ? OptionalDouble.of(Double.parseDouble(matcher.group(1))) : OptionalDouble.empty();
    }

    /** Resident set size now, from {@code /proc}. */
    long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
            }
        }
        throw new IOException("no VmRSS for " + name);
    }

    /**
     * CPU time the whole process has used so far (user and system, all threads), from {@code /proc}; in clock ticks
     * of 10 ms, fine enough over windows of seconds.
     */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        // the command name may contain spaces; the fields after it are fixed
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks / (double) CLOCK_TICKS_PER_SECOND;
    }

    /** Context switches so far (voluntary and not) of each of the process's threads, by thread id, from /proc. */
    Map<String, Long> contextSwitches() throws IOException {
        Map<String, Long> switches = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(process.pid()),
                "task"))) {
            for (Path task : tasks) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")
                                || line.startsWith("nonvoluntary_ctxt_switches:")) {
                            switches.merge(task.getFileName().toString(),
                                    Long.parseLong(line.substring(line.indexOf(':') + 1).trim()), Long::sum);
                        }
                    }
                } catch (NoSuchFileException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return switches;
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
