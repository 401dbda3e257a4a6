package io.quarkiverse.alioss.deployment.callback;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;

import org.jboss.jandex.DotName;
import org.jboss.jandex.Type;

/**
 * The parameter types a single callback variable ({@code @SystemVar}, {@code @CallbackVar}) can be bound to, i.e. the
 * types the run-time value conversion handles.
 */
final class SupportedValueTypes {

    private static final Map<String, Class<?>> BY_NAME = Map.ofEntries(
            entry(String.class), entry(int.class), entry(Integer.class), entry(long.class), entry(Long.class),
            entry(boolean.class), entry(Boolean.class), entry(double.class), entry(Double.class),
            entry(BigInteger.class));

    private static final DotName STRING = DotName.createSimple(String.class);

    private SupportedValueTypes() {
    }

    /** The class to convert to, or null when the type is not supported; {@code Optional<String>} maps to Optional. */
    static Class<?> classOf(Type type) {
        if (type.kind() == Type.Kind.PARAMETERIZED_TYPE && type.name().equals(CallbackDotNames.OPTIONAL)) {
            var arguments = type.asParameterizedType().arguments();
            return arguments.size() == 1 && arguments.get(0).name().equals(STRING) ? Optional.class : null;
        }
        if (type.kind() != Type.Kind.CLASS && type.kind() != Type.Kind.PRIMITIVE) {
            return null;
        }
        return BY_NAME.get(type.name().toString());
    }

    static String describeSupported() {
        return "String, int, Integer, long, Long, boolean, Boolean, double, Double, BigInteger, Optional<String>";
    }

    private static Map.Entry<String, Class<?>> entry(Class<?> type) {
        return Map.entry(type.getName(), type);
    }
}
