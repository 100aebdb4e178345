package navemu.api.result;

import java.util.Objects;

/**
 * One header field line as it went over the wire: its name as written (case kept) and its value.
 * A message's headers are a list of these in wire order, so a repeated field stays two entries
 * and nothing is joined.
 */
public final class Header {
    public final String name;
    public final String value;

    public Header(String name, String value) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
