package navemu.shell.render;

/**
 * Text from the network made safe for a terminal: a server's header or body may hold escape
 * sequences (ESC [ …) that would recolour, move or retitle the user's terminal. Control
 * characters other than tab are shown as {@code \xNN}; everything else stays as it came.
 */
final class Printable {

    private Printable() {
    }

    static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t') || (c >= 0x7f && c < 0xa0);
            out.append(control ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
