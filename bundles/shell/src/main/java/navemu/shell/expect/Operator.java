package navemu.shell.expect;

import java.util.Optional;

/** The comparisons {@code expect} knows. */
public enum Operator {
    EQUALS("=="),
    NOT_EQUALS("!="),
    AT_MOST("<="),
    AT_LEAST(">="),
    CONTAINS("~");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public static Optional<Operator> fromSymbol(String text) {
        for (Operator op : values()) {
            if (op.symbol.equals(text)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /** {@code == != <= >= ~}, for messages. */
    public static String symbols() {
        StringBuilder all = new StringBuilder();
        for (Operator op : values()) {
            all.append(all.length() == 0 ? "" : " ").append(op.symbol);
        }
        return all.toString();
    }
}
