package fr.vigie.agent.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of {@code vigie}, in one place (also listed by {@code --help} and in {@code docs/cli.md}).
 * Findings do not change the exit code: a completed audit exits 0 (or 3 when its data is incomplete) whatever its
 * level; scripts read the level from {@code report.json}.
 */
public enum ExitStatus {
    OK(0, "audit done, collection complete (whatever the findings)"),
    UNEXPECTED(1, "unexpected error (run again with --verbose for the stack trace)"),
    USAGE(2, "usage or configuration error: option, config key, password file, ruleset, thresholds or snapshot"),
    INCOMPLETE(3, "audit done but the collection was incomplete: the result is provisional"),
    DC_UNREACHABLE(4, "domain controller unreachable, or not answering as a directory"),
    TLS_UNTRUSTED(5, "TLS failed: the DC's certificate is not trusted or the handshake failed"),
    BIND_REFUSED(6, "bind refused: wrong account or password, or account locked or disabled"),
    OUTPUT_ERROR(7, "the output files could not be written (--out not writable, disk full)");

    private final int code;
    private final String meaning;

    ExitStatus(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** Code to meaning, for picocli's exit code list in the usage help. */
    public static Map<String, String> helpList() {
        Map<String, String> m = new LinkedHashMap<>();
        for (ExitStatus s : values()) {
            m.put(String.format("%2d", s.code), s.meaning);
        }
        return Collections.unmodifiableMap(m);
    }
}
