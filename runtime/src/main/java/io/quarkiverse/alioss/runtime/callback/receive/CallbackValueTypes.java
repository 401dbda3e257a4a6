package io.quarkiverse.alioss.runtime.callback.receive;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkiverse.alioss.runtime.callback.CallbackParameter;

/**
 * The parameter types one callback variable can be bound to, and how each is read from the body: the single list the
 * build validates against and the routes bind with.
 */
public final class CallbackValueTypes {

    /** Reads one parameter's value from the callback body. */
    @FunctionalInterface
    interface Reader {
        Object read(CallbackFields fields);
    }

    private static final Map<Class<?>, ValueParser<?>> PARSERS = new LinkedHashMap<>();
    private static final Map<Class<?>, Class<?>> PRIMITIVE_TO_WRAPPER = Map.of(int.class, Integer.class, long.class,
            Long.class, boolean.class, Boolean.class, double.class, Double.class, float.class, Float.class, short.class,
            Short.class, byte.class, Byte.class, char.class, Character.class);
    /** Reference types that are required like primitives (an absent field is refused rather than bound as null). */
    private static final Set<Class<?>> REQUIRED_REFERENCES = Set.of(String.class, BigInteger.class, BigDecimal.class,
            UUID.class);

    static {
        PARSERS.put(String.class, ValueParser.STRING);
        PARSERS.put(Integer.class, ValueParser.INT);
        PARSERS.put(Long.class, ValueParser.LONG);
        PARSERS.put(Boolean.class, ValueParser.BOOLEAN);
        PARSERS.put(Double.class, ValueParser.DOUBLE);
        PARSERS.put(Float.class, ValueParser.FLOAT);
        PARSERS.put(Short.class, ValueParser.SHORT);
        PARSERS.put(Byte.class, ValueParser.BYTE);
        PARSERS.put(Character.class, ValueParser.CHAR);
        PARSERS.put(BigInteger.class, ValueParser.BIG_INTEGER);
        PARSERS.put(BigDecimal.class, ValueParser.BIG_DECIMAL);
        PARSERS.put(UUID.class, ValueParser.UUID_VALUE);
    }

    private CallbackValueTypes() {
    }

    /** The supported class with this name (primitives by keyword, e.g. {@code long}), or null. */
    public static Class<?> byName(String name) {
        for (Class<?> primitive : PRIMITIVE_TO_WRAPPER.keySet()) {
            if (primitive.getName().equals(name)) {
                return primitive;
            }
        }
        for (Class<?> type : PARSERS.keySet()) {
            if (type.getName().equals(name)) {
                return type;
            }
        }
        return null;
    }

    /** For build error messages. */
    public static String describe() {
        return "String, the primitives and their wrappers, BigInteger, BigDecimal, UUID, an enum (by constant name), or "
                + "Optional of one of these";
    }

    /** How to read {@code parameter}; {@code crc64} is unsigned and parsed as such into a long. */
    static Reader reader(CallbackParameter parameter) {
        String key = parameter.bodyKey();
        Class<?> type = parameter.type();
        Class<?> wrapper = PRIMITIVE_TO_WRAPPER.getOrDefault(type, type);
        ValueParser<?> parser = "crc64".equals(parameter.variable()) && wrapper == Long.class
                ? ValueParser.UNSIGNED_LONG
                : type.isEnum() ? enumParser(type) : PARSERS.get(wrapper);
        if (parser == null) {
            throw new IllegalStateException("unsupported callback parameter type " + type.getName());
        }
        if (parameter.optional()) {
            return fields -> CallbackValues.optional(fields, key, parser);
        }
        if (type.isPrimitive() || type.isEnum() || REQUIRED_REFERENCES.contains(type)) {
            return fields -> CallbackValues.required(fields, key, parser);
        }
        return fields -> CallbackValues.orNull(fields, key, parser);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static ValueParser<?> enumParser(Class<?> type) {
        return ValueParser.enumOf((Class) type);
    }
}
