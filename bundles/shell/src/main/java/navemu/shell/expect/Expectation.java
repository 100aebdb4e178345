package navemu.shell.expect;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code expect PATH OP VALUE}: a dotted path into the last result's JSON, an operator
 * and the value to compare with ({@code null} stands for absent or JSON null).
 */
public record Expectation(String path, Operator operator, String value) {

    /**
     * Operators written without spaces around them: {@code status==200}. The whole run of
     * operator characters is taken, so that {@code ===} is refused rather than read as
     * {@code ==} with the value {@code =200}.
     */
    private static final Pattern COMPACT = Pattern.compile("^([^\\s=!<>~]+)\\s*([=!<>~]+)\\s*(.*)$");
    private static final Pattern OPERATOR_CHARACTERS = Pattern.compile("[=!<>~]+");

    /**
     * Reads the words after {@code expect}. A value of several words is joined with single
     * spaces ({@code expect http.reason == Not Found}).
     *
     * @throws IllegalArgumentException saying what a well-formed expectation looks like
     */
    public static Expectation parse(List<String> words) {
        if (words.size() >= 3 && OPERATOR_CHARACTERS.matcher(words.get(1)).matches()) {
            String value = String.join(" ", words.subList(2, words.size()));
            return new Expectation(words.get(0), operator(words.get(1)), value);
        }
        Matcher compact = COMPACT.matcher(String.join(" ", words));
        if (compact.matches() && !compact.group(3).isEmpty()) {
            return new Expectation(compact.group(1), operator(compact.group(2)), compact.group(3));
        }
        throw new IllegalArgumentException("expect needs PATH OP VALUE, e.g. 'expect status == 200'"
                + " (OP is one of " + Operator.symbols() + "), got '" + String.join(" ", words) + "'");
    }

    private static Operator operator(String symbol) {
        return Operator.fromSymbol(symbol).orElseThrow(() -> new IllegalArgumentException(
                "expect needs PATH OP VALUE, e.g. 'expect status == 200': '" + symbol
                + "' is not an operator of expect (OP is one of " + Operator.symbols() + ")"));
    }

    public boolean expectsNull() {
        return "null".equals(value);
    }

    @Override
    public String toString() {
        return "expect " + path + " " + operator.symbol() + " " + value;
    }
}
