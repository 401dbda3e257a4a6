package io.quarkiverse.alioss.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logmanager.ExtLogRecord;

/**
 * Captures what a log category says during a test: the extension's refusals (whose precise reason only the log
 * carries) and the demo's own receipt lines (which prove whether its callback method ran).
 */
final class LogCapture extends Handler implements AutoCloseable {

    private static final Pattern REFUSAL = Pattern.compile("refused with (\\d{3}) ([A-Z_]+)");

    private final Logger logger;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    private LogCapture(String category) {
        this.logger = Logger.getLogger(category);
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    static LogCapture of(String category) {
        return new LogCapture(category);
    }

    static LogCapture refusals() {
        return of("io.quarkiverse.alioss.callback");
    }

    /** The status and code of each refusal, e.g. {@code 403 BAD_SIGNATURE}. */
    List<String> refusalCodes() {
        return messages.stream().map(REFUSAL::matcher).filter(Matcher::find).map(m -> m.group(1) + " " + m.group(2))
                .toList();
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void publish(LogRecord record) {
        messages.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
