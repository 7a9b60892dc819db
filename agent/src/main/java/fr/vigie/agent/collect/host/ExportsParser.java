package fr.vigie.agent.collect.host;

import fr.vigie.snapshot.host.NfsClient;
import fr.vigie.snapshot.host.NfsExport;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses an NFS exports file (exports(5)): {@code /path [-defaultopts] client(opts) client2(opts)...}, with
 * {@code #} comments, {@code \} continuations and double-quoted paths. A line without client exports to everybody
 * (recorded as {@code *}); a space between a client and its options ({@code host (rw)}) gives the options to
 * everybody, as the NFS server does: both are recorded as the world client with a note. A line that cannot be
 * understood is skipped and reported with its file, line number and reason, never guessed. Stateless.
 */
final class ExportsParser {
    /** The exports read, the lines refused and the warnings. */
    record Parsed(List<NfsExport> exports, List<String> errors, List<String> warnings) {}

    private ExportsParser() {}

    static Parsed parse(List<String> lines, String file) {
        List<NfsExport> exports = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (logical.length() == 0) {
                start = i + 1;
            }
            int hash = commentStart(line);
            String content = hash >= 0 ? line.substring(0, hash) : line;
            if (content.endsWith("\\")) {
                logical.append(content, 0, content.length() - 1).append(' ');
                continue;
            }
            logical.append(content);
            String text = logical.toString().strip();
            logical.setLength(0);
            if (text.isEmpty()) {
                continue;
            }
            try {
                exports.add(parseLine(text, file, start, warnings));
            } catch (IllegalArgumentException e) {
                errors.add(file + ":" + start + ": " + e.getMessage());
            }
        }
        if (logical.length() > 0) {
            errors.add(file + ":" + start + ": the last line ends with a continuation '\\' and nothing follows");
        }
        return new Parsed(exports, errors, warnings);
    }

    private static int commentStart(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    static NfsExport parseLine(String text, String file, int line, List<String> warnings) {
        List<String> tokens = tokens(text);
        String path = tokens.get(0);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("the exported path '" + path + "' is not absolute");
        }
        List<String> defaults = new ArrayList<>();
        List<NfsClient> clients = new ArrayList<>();
        for (int i = 1; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.startsWith("-")) {
                if (!clients.isEmpty()) {
                    throw new IllegalArgumentException("default options '" + t + "' after a client");
                }
                defaults.addAll(options(t.substring(1), t));
                continue;
            }
            int open = t.indexOf('(');
            String host;
            List<String> opts = new ArrayList<>(defaults);
            if (open < 0) {
                if (t.contains(")")) {
                    throw new IllegalArgumentException("unbalanced parenthesis in '" + t + "'");
                }
                host = t;
            } else {
                if (!t.endsWith(")") || t.indexOf(')') != t.length() - 1 || t.indexOf('(', open + 1) >= 0) {
                    throw new IllegalArgumentException("unbalanced parenthesis in '" + t + "'");
                }
                host = t.substring(0, open);
                String inner = t.substring(open + 1, t.length() - 1);
                if (inner.isBlank()) {
                    throw new IllegalArgumentException("empty option list in '" + t + "'");
                }
                opts.addAll(options(inner, t));
                if (host.isEmpty()) {
                    host = "*";
                    warnings.add(file + ":" + line + ": options '" + t + "' are separated from their client by a "
                            + "space: they apply to every host");
                }
            }
            clients.add(new NfsClient(host, opts));
        }
        if (clients.isEmpty()) {
            clients.add(new NfsClient("*", defaults));
            warnings.add(file + ":" + line + ": no client given for " + path + ": exported to every host");
        }
        return new NfsExport(path, file, line, clients);
    }

    private static List<String> options(String list, String token) {
        List<String> out = new ArrayList<>();
        for (String o : list.split(",")) {
            String s = o.strip();
            if (s.isEmpty() || !s.matches("[A-Za-z0-9_]+(=[^\\s,()]*)?")) {
                throw new IllegalArgumentException("malformed option '" + s + "' in '" + token + "'");
            }
            out.add(s);
        }
        return out;
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                wasQuoted = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (cur.length() > 0 || wasQuoted) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    wasQuoted = false;
                }
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote in '" + text + "'");
        }
        if (cur.length() > 0 || wasQuoted) {
            out.add(cur.toString());
        }
        return out;
    }
}
