package fr.vigie.agent.collect.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExportsParserTest {
    private static ExportsParser.Parsed parse(String... lines) {
        return ExportsParser.parse(List.of(lines), "/etc/exports");
    }

    @Test
    void readsClientsWithTheirOptionsDefaultOptionsQuotedPathsAndContinuations() {
        var p = parse("# backups",
                "/srv/backup  10.0.0.0/8(rw,no_root_squash) bkp01(rw,sync)   # comment",
                "\"/srv/my backups\" -rw,insecure *.ch-test.local \\",
                "   nas02(ro)",
                "");
        assertThat(p.errors()).isEmpty();
        assertThat(p.exports()).hasSize(2);
        var first = p.exports().get(0);
        assertThat(first.path()).isEqualTo("/srv/backup");
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.clients()).extracting(c -> c.host()).containsExactly("10.0.0.0/8", "bkp01");
        assertThat(first.clients().get(0).options()).containsExactly("rw", "no_root_squash");
        var second = p.exports().get(1);
        assertThat(second.path()).isEqualTo("/srv/my backups");
        assertThat(second.line()).isEqualTo(3);
        assertThat(second.clients().get(0).options()).containsExactly("rw", "insecure");
        assertThat(second.clients().get(1).options()).containsExactly("rw", "insecure", "ro");
        assertThat(second.clients().get(1).readWrite()).isFalse();
    }

    @Test
    void aLineWithoutClientAndOptionsSeparatedByASpaceExportToEverybodyWithAWarning() {
        var p = parse("/srv/backup", "/srv/backup2 bkp01 (rw,no_root_squash)");
        assertThat(p.errors()).isEmpty();
        assertThat(p.exports().get(0).clients()).extracting(c -> c.host()).containsExactly("*");
        assertThat(p.exports().get(1).clients()).extracting(c -> c.host()).containsExactly("bkp01", "*");
        assertThat(p.exports().get(1).clients().get(1).options()).containsExactly("rw", "no_root_squash");
        assertThat(p.warnings()).containsExactly(
                "/etc/exports:1: no client given for /srv/backup: exported to every host",
                "/etc/exports:2: options '(rw,no_root_squash)' are separated from their client by a space: they "
                        + "apply to every host");
    }

    @Test
    void malformedLinesAreRefusedWithFileLineAndReasonAndTheOthersAreKept() {
        var p = parse("/srv/ok host(rw)",
                "/srv/bad host(rw,sync",
                "srv/relative host(rw)",
                "/srv/opts host(rw,,sync)",
                "/srv/empty host()",
                "\"/srv/unterminated host(rw)",
                "/srv/last host(rw) \\");
        assertThat(p.exports()).extracting(e -> e.path()).containsExactly("/srv/ok");
        assertThat(p.errors()).containsExactly(
                "/etc/exports:2: unbalanced parenthesis in 'host(rw,sync'",
                "/etc/exports:3: the exported path 'srv/relative' is not absolute",
                "/etc/exports:4: malformed option '' in 'host(rw,,sync)'",
                "/etc/exports:5: empty option list in 'host()'",
                "/etc/exports:6: unterminated quote in '\"/srv/unterminated host(rw)'",
                "/etc/exports:7: the last line ends with a continuation '\\' and nothing follows");
    }
}
