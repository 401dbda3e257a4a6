package io.quarkiverse.alioss.runtime.callback;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for what an {@code @OssCallback} may name, in one place: the build checks methods against them, and the
 * run-time code that takes such names from users (callback specs, template values) checks the same ones.
 */
public final class CallbackRules {

    /**
     * A custom variable as OSS takes it: {@code x:} then lowercase ASCII letters, digits and {@code _} (OSS refuses
     * uppercase; its own samples use digits and {@code _}, e.g. {@code x:my_var1}). The callback token binds any name.
     */
    public static final Pattern VARIABLE_NAME = Pattern.compile("x:[a-z0-9_]+");

    /** A callback name: bound into the callback token and used as the template qualifier, so kept plain. */
    public static final Pattern CALLBACK_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    /**
     * A {@code callbackHost} OSS takes: a DNS name or IPv4 address, optionally with {@code :port}; OSS refuses an upload
     * whose callback names anything else ("The callback host configuration is invalid").
     */
    private static final Pattern CALLBACK_HOST = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:[0-9]{1,5})?");

    /** Body keys that carry only the variable of the same name: the route compares them with the token. */
    public static final Set<String> PINNED_VARIABLES = Set.of("bucket", "object");

    private CallbackRules() {
    }

    /** Whether OSS takes {@code host} as {@code callbackHost} (see {@link #CALLBACK_HOST}; a port is at most 65535). */
    public static boolean isCallbackHost(String host) {
        if (!CALLBACK_HOST.matcher(host).matches()) {
            return false;
        }
        int colon = host.indexOf(':');
        return colon < 0 || Integer.parseInt(host.substring(colon + 1)) <= 65535;
    }

    /** A key OSS copies into the callback body as it is: not empty, and no {@code $}, which would start a variable. */
    public static boolean isBodyKey(String key) {
        return !key.isEmpty() && key.indexOf('$') < 0;
    }
}
