package navemu.shell.expect;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code expect PATH OP VALUE}: a dotted path into the last result's JSON, an operator
 * and the value to compare with ({@code null} stands for absent or JSON null).
 */
public record Expectation(String path, Operator operator, String value) {

    /** Operators written without spaces around them: {@code status==200}. */
    private static final Pattern COMPACT = Pattern.compile("^([^\\s=!<>~]+)\\s*(==|!=|<=|>=|~)\\s*(.*)$");

    /**
     * Reads the words after {@code expect}. A value of several words is joined with single
     * spaces ({@code expect http.reason == Not Found}).
     *
     * @throws IllegalArgumentException saying what a well-formed expectation looks like
     */
    public static Expectation parse(List<String> words) {
        if (words.size() >= 3 && Operator.fromSymbol(words.get(1)).isPresent()) {
            String value = String.join(" ", words.subList(2, words.size()));
            return new Expectation(words.get(0), Operator.fromSymbol(words.get(1)).get(), value);
        }
        Matcher compact = COMPACT.matcher(String.join(" ", words));
        if (compact.matches() && !compact.group(3).isEmpty()) {
            return new Expectation(compact.group(1), Operator.fromSymbol(compact.group(2)).get(), compact.group(3));
        }
        throw new IllegalArgumentException("expect needs PATH OP VALUE, e.g. 'expect status == 200'"
                + " (OP is one of " + Operator.symbols() + "), got '" + String.join(" ", words) + "'");
    }

    public boolean expectsNull() {
        return "null".equals(value);
    }

    @Override
    public String toString() {
        return "expect " + path + " " + operator.symbol() + " " + value;
    }
}
