package fr.vigie.agent.report;

/** HTML escaping for text and attribute values. Thread-safe: holds no state. */
public final class Html {
    private Html() {}

    /**
     * Escapes a value for use in HTML text or in a quoted attribute: {@code & < > " '} become entities, and control
     * characters other than tab, line feed and carriage return (invalid in HTML) become U+FFFD. A null value
     * becomes the empty string.
     */
    public static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f
                        || (c >= 0x80 && c <= 0x9f) ? "\uFFFD" : null;
            };
            if (rep != null) {
                if (out == null) {
                    out = new StringBuilder(value.length() + 16).append(value, 0, i);
                }
                out.append(rep);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }
}
