package fr.vigie.agent.export;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Replaces names by keyed pseudonyms, and remembers every original name it saw so that values kept verbatim can be
 * checked for them ({@link #scrub}). A pseudonym is a kind prefix and 20 hex digits (80 bits) of
 * HMAC-SHA-256(key, kind + NUL + normalized value): {@code dn-...} for a distinguished name, {@code name-...} for an
 * account, group or other short name, {@code host-...} for a DNS name or address. Normalization follows Active
 * Directory's case-insensitivity (lower case; no blanks around the separators of a DN), so that the same object gets
 * the same pseudonym in every rule and every report made with the same key. Mutable (the remembered names); not
 * thread-safe: one instance per export.
 */
final class Pseudonymizer {
    /** Replaces a value kept verbatim that turned out to contain a name. */
    static final String WITHHELD = "(withheld from the export)";
    /** Shorter names are not searched for in kept values (they would match everywhere). */
    static final int MIN_TOKEN = 3;
    private static final Pattern SID = Pattern.compile("S-1-[0-9-]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern DN_START = Pattern.compile("^[A-Za-z][A-Za-z0-9-]*\\s*=.*", Pattern.DOTALL);
    /** Standard Active Directory container names: not hospital data, and common words in the checks' texts. */
    private static final Set<String> STANDARD_CONTAINERS = Set.of("users", "computers", "builtin", "configuration",
            "schema", "system", "partitions", "services", "sites", "domain controllers", "foreignsecurityprincipals",
            "windows nt", "directory service", "optional features", "program data", "managed service accounts",
            "keys", "servers", "subnets", "inter-site transports", "default-first-site-name", "ntds settings",
            "domaindnszones", "forestdnszones", "microsoftdns", "policies", "recycle bin feature");

    private final PseudonymKey key;
    private final Set<String> tokens = new HashSet<>();
    private boolean scrubbing;

    Pseudonymizer(PseudonymKey key) {
        this.key = key;
    }

    /** The key's public id. */
    String keyId() {
        return key.keyId();
    }

    /** From now on {@link #scrub} checks kept values (call after a first pass has seen every name). */
    void startScrubbing() {
        scrubbing = true;
    }

    /** True when the text looks like a distinguished name ({@code attr=value,...}). */
    static boolean looksLikeDn(String text) {
        return DN_START.matcher(text).matches();
    }

    String dn(String dn) {
        if (dn.isBlank()) {
            return dn;
        }
        List<String[]> rdns = rdns(dn);
        for (int i = 0; i < rdns.size(); i++) {
            String attr = rdns.get(i)[0];
            String value = rdns.get(i)[1];
            boolean last = i == rdns.size() - 1;
            if (attr.equals("dc") && last) {
                continue; // the top-level label (local, fr, lan...) names nobody
            }
            if (!STANDARD_CONTAINERS.contains(value.toLowerCase(Locale.ROOT)) && !SID.matcher(value).matches()) {
                // a foreign security principal is named by its SID: a SID is kept, not a name to search for
                remember(value);
            }
        }
        remember(dn);
        StringBuilder normalized = new StringBuilder();
        for (String[] rdn : rdns) {
            normalized.append(normalized.length() == 0 ? "" : ",").append(rdn[0]).append('=')
                    .append(rdn[1].toLowerCase(Locale.ROOT));
        }
        return "dn-" + hash("dn", normalized.toString());
    }

    String name(String name) {
        if (name.isBlank()) {
            return name;
        }
        remember(name);
        if (name.endsWith("$")) {
            remember(name.substring(0, name.length() - 1));
        }
        return "name-" + hash("name", name.strip().toLowerCase(Locale.ROOT));
    }

    String host(String host) {
        if (host.isBlank()) {
            return host;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        remember(h);
        String[] labels = h.split("\\.");
        if (labels.length > 1 && !h.matches("[0-9.]+")) {
            for (int i = 0; i < labels.length - 1; i++) {
                remember(labels[i]); // not the top-level label
            }
        }
        return "host-" + hash("host", h);
    }

    /** {@code host:port} with the host pseudonymized and the port kept; any other text as a name. */
    String hostAndPort(String source) {
        int colon = source.lastIndexOf(':');
        if (colon > 0 && source.substring(colon + 1).matches("[0-9]{1,5}")) {
            return host(source.substring(0, colon)) + source.substring(colon);
        }
        return name(source);
    }

    /**
     * A service principal name {@code class/host[:port][/service name]}: the service class and the port are kept
     * (they say what kind of service it is), the host and the service name are pseudonymized.
     */
    String spn(String spn) {
        int slash = spn.indexOf('/');
        if (slash < 0) {
            return name(spn);
        }
        String serviceClass = spn.substring(0, slash);
        String rest = spn.substring(slash + 1);
        String serviceName = null;
        int nextSlash = rest.indexOf('/');
        if (nextSlash >= 0) {
            serviceName = rest.substring(nextSlash + 1);
            rest = rest.substring(0, nextSlash);
        }
        String port = "";
        int colon = rest.lastIndexOf(':');
        if (colon >= 0) {
            port = rest.substring(colon);
            rest = rest.substring(0, colon);
        }
        if (!port.matches(":[0-9]{0,5}")) {
            rest = rest + port; // not a port (e.g. an instance name): part of what is hashed
            port = "";
        }
        return scrub(serviceClass) + "/" + host(rest) + scrub(port)
                + (serviceName == null ? "" : "/" + name(serviceName));
    }

    /** Applies {@code each} to every item of a list joined by {@code separator}. */
    static String list(String value, String separator, UnaryOperator<String> each) {
        if (value.isBlank()) {
            return value;
        }
        List<String> out = new ArrayList<>();
        for (String item : value.split(Pattern.quote(separator), -1)) {
            out.add(item.isBlank() ? item : each.apply(item.strip()));
        }
        return String.join(separator, out);
    }

    /**
     * A value kept verbatim: returned as is unless it contains (ignoring case) a name seen in the report, in which
     * case it is {@link #WITHHELD}.
     */
    String scrub(String kept) {
        if (!scrubbing || kept.isEmpty()) {
            return kept;
        }
        String lower = kept.toLowerCase(Locale.ROOT);
        for (String token : tokens) {
            if (lower.contains(token)) {
                return WITHHELD;
            }
        }
        return kept;
    }

    private void remember(String original) {
        String t = original.strip().toLowerCase(Locale.ROOT);
        if (t.length() >= MIN_TOKEN) {
            tokens.add(t);
        }
    }

    private String hash(String kind, String normalized) {
        return HexFormat.of().formatHex(key.mac(kind + "\u0000" + normalized), 0, 10);
    }

    /** The RDNs of a DN as (lower-case attribute, value) pairs, honouring backslash escapes. */
    static List<String[]> rdns(String dn) {
        List<String[]> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean escaped = false;
        for (int i = 0; i < dn.length(); i++) {
            char c = dn.charAt(i);
            if (escaped) {
                current.append(c);
                escaped = false;
            } else if (c == '\\') {
                current.append(c);
                escaped = true;
            } else if (c == ',' || c == ';') {
                out.add(rdn(current.toString()));
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(rdn(current.toString()));
        return out;
    }

    private static String[] rdn(String text) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            return new String[] {"", text.strip()};
        }
        return new String[] {text.substring(0, eq).strip().toLowerCase(Locale.ROOT), text.substring(eq + 1).strip()};
    }
}
