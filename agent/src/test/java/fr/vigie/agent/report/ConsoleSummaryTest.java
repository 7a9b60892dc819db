package fr.vigie.agent.report;

import static fr.vigie.agent.report.SampleReports.evidence;
import static fr.vigie.agent.report.SampleReports.failing;
import static fr.vigie.agent.report.SampleReports.notEvaluated;
import static fr.vigie.agent.report.SampleReports.passing;
import static fr.vigie.agent.report.SampleReports.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {

    private static String print(ReportDocument report, Map<String, Path> files) {
        StringWriter s = new StringWriter();
        ConsoleSummary.print(report, files, new PrintWriter(s));
        return s.toString();
    }

    @Test
    void aCompleteReportShowsDomainLevelScoresTopFindingsCountsAndFiles() {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("JSON report", Path.of("out", "report.json"));
        files.put("HTML report", Path.of("out", "report.html"));
        ReportDocument report = report(List.of(failing("deleg", 1, 20, evidence("CN=a", "a"), evidence("CN=b", "b")),
                failing("minor", 3, 5, evidence("CN=c", "c")), passing("ok", 2)));

        String out = print(report, files);

        assertThat(out).contains("Vigie audit of ch-test.local (DC=ch-test,DC=local)")
                .contains("Maturity level: 1 of 5").contains("Risk score:     25/100")
                .contains("Privileged accounts 25").contains("Stale objects 0")
                .contains("2 failing, 1 passing, 0 not evaluated")
                .contains("[L1] deleg").contains("2 objects").contains("[L3] minor")
                .contains(Path.of("out", "report.html").toString())
                .doesNotContain("WARNING");
        assertThat(out.indexOf("[L1] deleg")).isLessThan(out.indexOf("[L3] minor"));
    }

    @Test
    void anIncompleteReportWarnsAndShowsAnUpperBound() {
        ReportDocument report = report(List.of(passing("ok", 2), notEvaluated("needs-users", 1, "USERS")), "USERS");

        String out = print(report, Map.of());

        assertThat(out).contains("Maturity level: <= 5 (PROVISIONAL").contains("WARNING: incomplete result")
                .contains("Not collected: USERS").contains("Not evaluated: needs-users")
                .doesNotContain("Maturity level: 5 of 5");
    }

    @Test
    void onlyTheTopFindingsAreListed() {
        List<ReportDocument.RuleEntry> rules = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rules.add(failing("rule-" + i, 2, 10 + i, evidence("CN=" + i, "n")));
        }

        String out = print(report(rules), Map.of());

        assertThat(out).contains("rule-7").contains("rule-3").doesNotContain("rule-2 ").contains("... and 3 more");
    }

    @Test
    void directoryDataCannotDriveTheTerminal() {
        ReportDocument clean = report(List.of(passing("ok", 2)));
        ReportDocument.DomainSection d = clean.domain();
        ReportDocument hostile = new ReportDocument(clean.reportSchema(), clean.schemaVersion(), clean.generatedAt(),
                clean.agentVersion(), clean.catalogue(), new ReportDocument.DomainSection(
                        "DC=x\u001b[2J\u001b[31mFAKE\nLevel 5,DC=local", "", d.sid(), 7, 7, ""),
                clean.collection(), clean.score(), clean.rules());

        String out = print(hostile, Map.of());

        assertThat(out).doesNotContain("\u001b").contains("DC=x [2J [31mFAKE Level 5,DC=local");
    }
}
