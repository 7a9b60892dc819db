package fr.vigie.agent.collect.host;

import fr.vigie.snapshot.host.SambaShare;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Samba configuration as sections of parameters, read from {@code testparm -s} output or from {@code smb.conf}
 * itself, and the shares it defines with their effective access parameters. Parameter names are lower-cased and
 * their synonyms folded ({@code writable} -&gt; {@code read only} inverted, {@code public} -&gt; {@code guest ok}),
 * share-level parameters set in {@code [global]} apply to every share unless overridden. Immutable.
 */
final class SambaConfig {
    private final Map<String, Map<String, String>> sections;
    private final List<String> warnings;

    private SambaConfig(Map<String, Map<String, String>> sections, List<String> warnings) {
        this.sections = sections;
        this.warnings = List.copyOf(warnings);
    }

    /** Parses smb.conf syntax: {@code [section]}, {@code name = value}, {@code #}/{@code ;} comments, {@code \} continuations. */
    static SambaConfig parse(List<String> lines, String origin) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        Map<String, String> current = null;
        StringBuilder pending = new StringBuilder();
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.strip();
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            line = (pending + line).strip();
            pending.setLength(0);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                int close = line.indexOf(']');
                if (close < 0) {
                    warnings.add(origin + ":" + n + ": section header without ']': '" + line + "' (ignored)");
                    current = null;
                    continue;
                }
                String name = line.substring(1, close).strip();
                current = sections.computeIfAbsent(name.toLowerCase(Locale.ROOT).equals("global") ? "global" : name,
                        k -> new LinkedHashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                warnings.add(origin + ":" + n + ": not a 'name = value' line: '" + line + "' (ignored)");
                continue;
            }
            if (current == null) {
                current = sections.computeIfAbsent("global", k -> new LinkedHashMap<>());
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            String value = line.substring(eq + 1).strip();
            put(current, key, value);
        }
        return new SambaConfig(sections, warnings);
    }

    private static void put(Map<String, String> section, String key, String value) {
        switch (key) {
            case "writable", "writeable", "write ok" -> section.put("read only", bool(value) ? "No" : "Yes");
            case "public" -> section.put("guest ok", value);
            case "browsable" -> section.put("browseable", value);
            case "allow hosts" -> section.put("hosts allow", value);
            case "deny hosts" -> section.put("hosts deny", value);
            case "directory" -> section.put("path", value);
            default -> section.put(key, value);
        }
    }

    /** Lines that were ignored, with their origin and line number. */
    List<String> warnings() {
        return warnings;
    }

    /** Section names in file order. */
    List<String> sectionNames() {
        return List.copyOf(sections.keySet());
    }

    /** Parameters of a section (empty when absent). */
    Map<String, String> section(String name) {
        return sections.getOrDefault(name, Map.of());
    }

    /** Parameters of the {@code [global]} section. */
    Map<String, String> global() {
        return sections.getOrDefault("global", Map.of());
    }

    /** The shares (every section but {@code [global]}; printable sections excluded). */
    List<SambaShare> shares() {
        List<SambaShare> out = new ArrayList<>();
        Map<String, String> global = global();
        for (Map.Entry<String, Map<String, String>> e : sections.entrySet()) {
            if (e.getKey().equals("global")) {
                continue;
            }
            Map<String, String> p = new LinkedHashMap<>();
            for (String inherited : List.of("read only", "guest ok", "guest only", "valid users", "invalid users",
                    "write list", "read list", "available", "hosts allow", "hosts deny")) {
                if (global.containsKey(inherited)) {
                    p.put(inherited, global.get(inherited));
                }
            }
            p.putAll(e.getValue());
            if (bool(p.getOrDefault("printable", "no")) || bool(p.getOrDefault("print ok", "no"))) {
                continue;
            }
            boolean guestOk = bool(p.getOrDefault("guest ok", "no"));
            boolean writable = !bool(p.getOrDefault("read only", "yes"));
            out.add(new SambaShare(e.getKey(), p.getOrDefault("path", ""), guestOk, writable,
                    list(p.get("valid users")), list(p.get("invalid users")), list(p.get("write list")),
                    list(p.get("read list")), p));
        }
        return out;
    }

    /** Samba booleans: yes/true/1/on (case-insensitive). */
    static boolean bool(String v) {
        String s = v.strip().toLowerCase(Locale.ROOT);
        return s.equals("yes") || s.equals("true") || s.equals("1") || s.equals("on");
    }

    /** A Samba user list: separated by commas or spaces, double quotes group words ({@code @"Domain Users"}). */
    static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                cur.append(c);
            } else if ((c == ',' || Character.isWhitespace(c)) && !quoted) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }
}
