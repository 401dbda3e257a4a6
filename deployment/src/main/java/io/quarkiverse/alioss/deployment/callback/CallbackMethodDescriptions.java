package io.quarkiverse.alioss.deployment.callback;

import java.util.stream.Collectors;

import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

/** Names a method the way build errors and logs show it: {@code com.acme.Avatars#uploaded(OssUpload, String)}. */
final class CallbackMethodDescriptions {

    private CallbackMethodDescriptions() {
    }

    static String describe(MethodInfo method) {
        return method.declaringClass().name() + "#" + method.name() + "("
                + method.parameterTypes().stream().map(CallbackMethodDescriptions::simpleName)
                        .collect(Collectors.joining(", "))
                + ")";
    }

    private static String simpleName(Type type) {
        String name = type.name().withoutPackagePrefix();
        int nested = name.lastIndexOf('$');
        return nested < 0 ? name : name.substring(nested + 1);
    }
}
