package io.riskgraph.ingest;

import io.riskgraph.model.Enums;
import io.riskgraph.model.id.Uscc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a cell of the canonical format is parsed. {@link #parse} returns the typed value or throws
 * {@link InvalidValue} with a reason a clerk can act on.
 */
@FunctionalInterface
public interface FieldType {

    Object parse(String text);

    FieldType TEXT = text -> text;
    FieldType DATE = FieldType::parseDate;
    FieldType TIMESTAMP = FieldType::parseTimestamp;
    FieldType MONEY = text -> parseDecimal(text, true);
    FieldType COUNT = FieldType::parseCount;
    FieldType SHARE = FieldType::parseShare;
    FieldType BOOLEAN = FieldType::parseBoolean;
    FieldType LIST = FieldType::parseList;
    /** A USCC reference: must have the right length and alphabet; the check character is judged by the caller. */
    FieldType USCC = text -> {
        var check = Uscc.check(text);
        if (!check.usable()) throw new InvalidValue(check.message());
        return check.normalised();
    };

    static FieldType enumOf(Class<? extends Enum<?>> type) {
        return new EnumType(type);
    }

    static FieldType enumListOf(Class<? extends Enum<?>> type) {
        return new EnumListType(type);
    }

    record EnumType(Class<? extends Enum<?>> type) implements FieldType {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Object parse(String text) {
            java.util.Optional<Enum<?>> value = Enums.parse((Class) type, text);
            if (value.isEmpty()) throw new InvalidValue("'" + text + "' is not one of " + Enums.allowed(type));
            return value.get().name();
        }
    }

    record EnumListType(Class<? extends Enum<?>> type) implements FieldType {
        @Override
        public Object parse(String text) {
            List<String> out = new ArrayList<>();
            EnumType one = new EnumType(type);
            for (Object item : parseList(text)) out.add((String) one.parse((String) item));
            return out;
        }
    }

    /** A cell that cannot be used, with the reason. */
    final class InvalidValue extends RuntimeException {
        public InvalidValue(String reason) {
            super(reason, null, false, false);
        }
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValue("'" + text + "' is not an ISO date (YYYY-MM-DD, e.g. 2025-07-11)");
        }
    }

    private static OffsetDateTime parseTimestamp(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValue("'" + text + "' is not an ISO timestamp with offset (e.g. 2025-07-11T09:30:00+08:00 or ...Z)");
        }
    }

    private static BigDecimal parseDecimal(String text, boolean nonNegative) {
        BigDecimal d;
        try {
            d = new BigDecimal(text.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new InvalidValue("'" + text + "' is not a decimal number");
        }
        if (nonNegative && d.signum() < 0) throw new InvalidValue("'" + text + "' is negative");
        return d;
    }

    private static Long parseCount(String text) {
        try {
            long n = Long.parseLong(text);
            if (n < 0) throw new InvalidValue("'" + text + "' is negative");
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidValue("'" + text + "' is not a whole number");
        }
    }

    private static Double parseShare(String text) {
        BigDecimal d = parseDecimal(text, false);
        if (d.signum() < 0 || d.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidValue("share " + text + " is outside [0, 1] (a fraction: 35 % is 0.35)");
        }
        return d.doubleValue();
    }

    private static Boolean parseBoolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "y" -> true;
            case "false", "0", "no", "n" -> false;
            default -> throw new InvalidValue("'" + text + "' is not true or false");
        };
    }

    private static List<Object> parseList(String text) {
        List<Object> out = new ArrayList<>();
        for (String item : text.split("\\|")) {
            String t = item.strip();
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }
}
