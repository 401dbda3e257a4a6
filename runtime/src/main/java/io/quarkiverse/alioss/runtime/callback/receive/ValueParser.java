package io.quarkiverse.alioss.runtime.callback.receive;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.UUID;

/**
 * Turns the text of one callback body field into a parameter value. A parser throws {@link IllegalArgumentException}
 * with a short description of what it expected; {@link CallbackValues} adds the field name.
 */
@FunctionalInterface
interface ValueParser<T> {

    T parse(String text);

    ValueParser<String> STRING = text -> text;
    ValueParser<Long> LONG = text -> parseNumber(text, "a whole number", Long::valueOf);
    /** For {@code crc64}: decimal unsigned 64-bit, held in a long; print with {@link Long#toUnsignedString(long)}. */
    ValueParser<Long> UNSIGNED_LONG = text -> parseNumber(text, "an unsigned 64-bit number", Long::parseUnsignedLong);
    ValueParser<Integer> INT = text -> parseNumber(text, "a whole number (int)", Integer::valueOf);
    ValueParser<Short> SHORT = text -> parseNumber(text, "a whole number (short)", Short::valueOf);
    ValueParser<Byte> BYTE = text -> parseNumber(text, "a whole number (byte)", Byte::valueOf);
    ValueParser<Double> DOUBLE = text -> parseNumber(text, "a number", Double::valueOf);
    ValueParser<Float> FLOAT = text -> parseNumber(text, "a number", Float::valueOf);
    ValueParser<BigInteger> BIG_INTEGER = text -> parseNumber(text, "a whole number", BigInteger::new);
    ValueParser<BigDecimal> BIG_DECIMAL = text -> parseNumber(text, "a number", BigDecimal::new);
    ValueParser<Boolean> BOOLEAN = text -> {
        if ("true".equals(text)) {
            return Boolean.TRUE;
        }
        if ("false".equals(text)) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("expected true or false");
    };
    ValueParser<Character> CHAR = text -> {
        if (text.length() != 1) {
            throw new IllegalArgumentException("expected a single character");
        }
        return text.charAt(0);
    };
    ValueParser<UUID> UUID_VALUE = text -> {
        if (text.length() != 36) {
            throw new IllegalArgumentException("expected a UUID");
        }
        return parseNumber(text, "a UUID", UUID::fromString);
    };

    /** Enum constants by exact name, no reflection beyond {@link Enum#valueOf(Class, String)}. */
    static <E extends Enum<E>> ValueParser<E> enumOf(Class<E> type) {
        return text -> {
            try {
                return Enum.valueOf(type, text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("expected one of " + java.util.Arrays.toString(type.getEnumConstants()));
            }
        };
    }

    private static <T> T parseNumber(String text, String expected, java.util.function.Function<String, T> parse) {
        try {
            return parse.apply(text.strip());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("expected " + expected);
        }
    }
}
