package navemu.shell.expect;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

/**
 * Judges an {@link Expectation} against a result's JSON tree.
 *
 * <p>Coercion follows what the value looks like in the result: a JSON number is compared as a
 * number (so {@code 200} equals {@code 200.0}), a JSON boolean with {@code true}/{@code false}
 * (any case), a string as text ({@code <=}/{@code >=} compare numerically when both sides are
 * numbers, else by text, so {@code tls.version >= TLSv1.2} works). {@code ~} means "contains":
 * a substring of a string, or an element of an array whose text contains the value.
 * {@code null} stands for "absent or null" and only goes with {@code ==} and {@code !=}.
 * A value of the wrong type for the result's ({@code status <= abc}, {@code ok == yes}) is a
 * usage error ({@link IllegalArgumentException}), never an expectation that held or failed.
 */
public final class ExpectEvaluator {

    public Verdict evaluate(Expectation expectation, JsonElement result) {
        if (expectation.expectsNull() && expectation.operator() != Operator.EQUALS
                && expectation.operator() != Operator.NOT_EQUALS) {
            throw new IllegalArgumentException("null can only be compared with == or !=, not "
                    + expectation.operator().symbol());
        }
        Optional<JsonElement> found = ResultPath.resolve(result, expectation.path());
        if (found.isEmpty() || found.get().isJsonNull()) {
            return judgeAbsent(expectation, result, found.isPresent());
        }
        JsonElement actual = found.get();
        String described = expectation.path() + " is " + describe(actual);
        if (expectation.expectsNull()) {
            return new Verdict(expectation.operator() == Operator.NOT_EQUALS, described);
        }
        try {
            return new Verdict(compare(actual, expectation.operator(), expectation.value()), described);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(expectation + ": " + e.getMessage() + " (" + described + ")", e);
        }
    }

    private static Verdict judgeAbsent(Expectation expectation, JsonElement result, boolean explicitNull) {
        String where = ResultPath.existingPrefix(result, expectation.path());
        String described;
        if (explicitNull) {
            described = expectation.path() + " is null";
        } else if (result == null || result.isJsonNull()) {
            described = "there is no result yet (run open first)";
        } else {
            described = expectation.path() + " is absent"
                    + (where.equals(expectation.path()) ? "" : where.isEmpty() ? " (the result has no such key)"
                    : " (" + where + " has no '" + expectation.path().substring(where.length() + 1) + "')");
        }
        boolean held = expectation.expectsNull() ? expectation.operator() == Operator.EQUALS
                : expectation.operator() == Operator.NOT_EQUALS;
        return new Verdict(held, described);
    }

    private static boolean compare(JsonElement actual, Operator operator, String expected) {
        if (operator == Operator.CONTAINS) {
            return contains(actual, expected);
        }
        int order;
        if (actual.isJsonPrimitive() && actual.getAsJsonPrimitive().isBoolean()) {
            Boolean wanted = parseBoolean(expected);
            if (wanted == null) {
                throw new IllegalArgumentException("type mismatch: this value is true or false, and '" + expected
                        + "' is neither");
            }
            if (operator == Operator.AT_MOST || operator == Operator.AT_LEAST) {
                throw new IllegalArgumentException("type mismatch: true/false values have no order; use == or !=");
            }
            order = Boolean.compare(actual.getAsBoolean(), wanted);
        } else if (actual.isJsonPrimitive() && actual.getAsJsonPrimitive().isNumber()) {
            BigDecimal right = parseNumber(expected);
            if (right == null) {
                // Comparing 200 with "abc" as text would hold or fail by accident of spelling.
                throw new IllegalArgumentException("type mismatch: this value is a number, and '" + expected
                        + "' is not one");
            }
            order = actual.getAsBigDecimal().compareTo(right);
        } else if (actual.isJsonPrimitive()) {
            BigDecimal left = parseNumber(text(actual));
            BigDecimal right = parseNumber(expected);
            order = left != null && right != null ? left.compareTo(right) : text(actual).compareTo(expected);
        } else {
            order = actual.toString().compareTo(expected);
        }
        switch (operator) {
            case EQUALS: return order == 0;
            case NOT_EQUALS: return order != 0;
            case AT_MOST: return order <= 0;
            case AT_LEAST: return order >= 0;
            default: throw new IllegalStateException("unhandled operator " + operator);
        }
    }

    private static boolean contains(JsonElement actual, String expected) {
        if (actual.isJsonArray()) {
            for (JsonElement element : actual.getAsJsonArray()) {
                if (!element.isJsonNull() && text(element).contains(expected)) {
                    return true;
                }
            }
            return false;
        }
        return text(actual).contains(expected);
    }

    /** A primitive as its plain text (a string without quotes); anything else as JSON. */
    private static String text(JsonElement element) {
        if (element.isJsonPrimitive()) {
            JsonPrimitive primitive = element.getAsJsonPrimitive();
            if (primitive.isNumber()) {
                BigDecimal number = primitive.getAsBigDecimal();
                return number.stripTrailingZeros().scale() <= 0 ? number.toBigInteger().toString() : number.toPlainString();
            }
            return primitive.getAsString();
        }
        return element.toString();
    }

    private static String describe(JsonElement element) {
        if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()) {
            return element.getAsString();
        }
        String text = text(element);
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static Boolean parseBoolean(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.equals("true") ? Boolean.TRUE : lower.equals("false") ? Boolean.FALSE : null;
    }

    private static BigDecimal parseNumber(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
