package navemu.shell.export;

/** Text made safe for HTML and SVG, whatever came from the wire (header values, certificate names). */
final class HtmlText {

    private HtmlText() {
    }

    /** Escapes the five characters that can end a text node or an attribute value. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters (a hostile header's NUL or ESC) are not allowed in XML text: shown as U+FFFD.
                    boolean allowed = c >= 0x20 || c == '\n' || c == '\t';
                    out.append(allowed ? c : '\uFFFD');
                }
            }
        }
        return out.toString();
    }
}
