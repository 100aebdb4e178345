package navemu.api.host;

/**
 * The WHATWG URL Standard's IPv4 parser, its "ends in a number" checker and the IPv4 serializer.
 * Browsers read {@code 1.2.3} as 1.2.0.3, {@code 0x7f.1} as 127.0.0.1 and {@code 017700000001} as
 * 127.0.0.1 (the inet_aton(3) forms), and refuse a name whose last label is a number but that is no
 * address ({@code 1.2.3.4.5}, {@code foo.09}).
 */
final class Ipv4Address {

    /** Larger than any valid part: a number is saturated here, so no input can overflow a long. */
    private static final long TOO_BIG = 1L << 32;
    private static final long FAILURE = -1;

    private Ipv4Address() {
    }

    /** "Ends in a number checker": is the last label (after one trailing dot) a number? */
    static boolean endsInANumber(String input) {
        // The last label, one trailing empty label ignored ("1.2.3.4." ends in "4"); "" and "."
        // end in an empty one. Found by index, not split: this runs for every SNI we send.
        int end = input.length();
        if (end == 0) {
            return false;
        }
        if (input.charAt(end - 1) == '.') {
            end--;
        }
        String last = input.substring(input.lastIndexOf('.', end - 1) + 1, end);
        if (!last.isEmpty() && allDigits(last)) {
            return true; // even "09", which the IPv4 parser then refuses
        }
        return parseNumber(last) != FAILURE;
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * "IPv4 parser": the address as an unsigned 32-bit value.
     *
     * @throws InvalidHostException when the text ends in a number but is not an address
     */
    static long parse(String input) {
        String[] parts = input.split("\\.", -1);
        int count = parts.length;
        if (count > 1 && parts[count - 1].isEmpty()) {
            count--; // one trailing dot is allowed (a validation error only)
        }
        if (count > 4) {
            throw new InvalidHostException("'" + input + "' ends in a number but has more than four parts,"
                    + " so it is neither an IPv4 address nor a domain name");
        }
        long[] numbers = new long[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = parseNumber(parts[i]);
            if (numbers[i] == FAILURE) {
                throw new InvalidHostException("'" + input + "' ends in a number but its part '" + parts[i]
                        + "' is not a decimal, octal (0…) or hexadecimal (0x…) number");
            }
        }
        for (int i = 0; i < count - 1; i++) {
            if (numbers[i] > 255) {
                throw new InvalidHostException("'" + input + "' is not an IPv4 address: part " + (i + 1)
                        + " is larger than 255");
            }
        }
        long last = numbers[count - 1];
        if (last >= 1L << (8 * (5 - count))) {
            throw new InvalidHostException("'" + input + "' is not an IPv4 address: its last part is too large"
                    + " for the " + (5 - count) + " byte(s) it stands for");
        }
        long address = last;
        for (int i = 0; i < count - 1; i++) {
            address += numbers[i] << (8 * (3 - i));
        }
        return address;
    }

    /** "IPv4 number parser": decimal, octal after a leading 0, hexadecimal after 0x; saturated at 2^32. */
    private static long parseNumber(String part) {
        if (part.isEmpty()) {
            return FAILURE;
        }
        int radix = 10;
        String digits = part;
        if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
            radix = 16;
            digits = part.substring(2);
        } else if (part.length() >= 2 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int digit = c < 0x80 ? Character.digit(c, radix) : -1;
            if (digit < 0) {
                return FAILURE;
            }
            value = Math.min(TOO_BIG, value * radix + digit);
        }
        return value; // "0x" and "0" alone are 0
    }

    static String serialise(long address) {
        return ((address >> 24) & 0xff) + "." + ((address >> 16) & 0xff) + "." + ((address >> 8) & 0xff) + "."
                + (address & 0xff);
    }

    static byte[] toBytes(long address) {
        return new byte[] {(byte) (address >> 24), (byte) (address >> 16), (byte) (address >> 8), (byte) address};
    }
}
