package io.quarkiverse.alioss.emulator.callback;

/**
 * The choices OSS does not document for rendering a callback body (protocol reference, section 9), in one place.
 *
 * @param emptyAsJsonNull JSON mode: an empty value is emitted as {@code null} (default, as seen for {@code vpcId} in
 *        real traffic) instead of {@code ""}
 * @param undefinedVariable what an undefined {@code ${x:name}} or an unknown {@code ${name}} becomes
 */
public record CallbackRenderOptions(boolean emptyAsJsonNull, UndefinedVariable undefinedVariable) {

    /** What to emit for a placeholder that has no value. */
    public enum UndefinedVariable {
        /** Form: empty; JSON: as an empty value (so {@code null} by default). The default. */
        EMPTY,
        /** Keep the placeholder text, e.g. {@code ${x:foo}}, verbatim in the body. */
        VERBATIM
    }

    public static CallbackRenderOptions defaults() {
        return new CallbackRenderOptions(true, UndefinedVariable.EMPTY);
    }
}
