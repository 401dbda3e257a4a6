package io.quarkiverse.alioss.deployment.callback;

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
 * Captures what the callback routes log about refused callbacks, so that a test asserts the precise reason (the reply
 * only says "verification failed" or "token refused"). Install it in the test's class loader, e.g. in a
 * {@code @BeforeEach} of a QuarkusUnitTest, whose application jar must contain this class. Public for the tests of
 * other packages (Dev Services).
 */
public final class RefusalRecords extends Handler {

    private static final String CATEGORY = "io.quarkiverse.alioss.callback";
    private static final Pattern REFUSAL = Pattern.compile("(?:refused|failed) with (\\d{3}) ([A-Z_]+)");

    private static final RefusalRecords INSTANCE = new RefusalRecords();

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private RefusalRecords() {
        setLevel(Level.ALL);
    }

    /** Starts capturing (once per class loader) and forgets what was captured so far. */
    public static RefusalRecords capture() {
        Logger logger = Logger.getLogger(CATEGORY);
        boolean installed = false;
        for (Handler handler : logger.getHandlers()) {
            installed |= handler == INSTANCE;
        }
        if (!installed) {
            logger.addHandler(INSTANCE);
        }
        // refusals beyond the log's rate limit go to DEBUG: capture those too
        logger.setLevel(Level.ALL);
        INSTANCE.messages.clear();
        INSTANCE.warnings.clear();
        return INSTANCE;
    }

    /** The codes of the refusals logged since {@link #capture()}, e.g. {@code TOKEN_MISMATCH}, in order. */
    public List<String> codes() {
        return messages.stream().map(REFUSAL::matcher).filter(Matcher::find).map(m -> m.group(2)).toList();
    }

    /** The status and code of each refusal, e.g. {@code 403 TOKEN_MISMATCH}. */
    public List<String> statusesAndCodes() {
        return messages.stream().map(REFUSAL::matcher).filter(Matcher::find).map(m -> m.group(1) + " " + m.group(2))
                .toList();
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    /** The messages logged at WARN or above. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void publish(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        messages.add(message);
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            warnings.add(message);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
