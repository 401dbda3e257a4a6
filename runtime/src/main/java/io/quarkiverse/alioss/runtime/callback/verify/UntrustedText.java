package io.quarkiverse.alioss.runtime.callback.verify;

/** Text from a callback's sender, made safe to put into a message or log line. */
public final class UntrustedText {

    private UntrustedText() {
    }

    /** Quoted, cut to {@code maxChars} and with control characters replaced, so it cannot forge log lines. */
    public static String shown(String value, int maxChars) {
        String cut = value.length() > maxChars ? value.substring(0, maxChars) + "..." : value;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
