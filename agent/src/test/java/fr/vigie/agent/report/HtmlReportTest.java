package fr.vigie.agent.report;

import static fr.vigie.agent.report.SampleReports.evidence;
import static fr.vigie.agent.report.SampleReports.failing;
import static fr.vigie.agent.report.SampleReports.notEvaluated;
import static fr.vigie.agent.report.SampleReports.passing;
import static fr.vigie.agent.report.SampleReports.report;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.agent.scan.AgentSnapshots;
import fr.vigie.agent.scan.TestAudits;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    private static final Pattern LEVEL_VALUE = Pattern.compile("<div class=\"level-value\">([^<]*)</div>");
    private final HtmlReport html = new HtmlReport();

    @TempDir
    Path tmp;

    private static String levelShown(String page) {
        Matcher m = LEVEL_VALUE.matcher(page);
        assertThat(m.find()).as("maturity level block").isTrue();
        return m.group(1);
    }

    @Test
    void hostileEvidenceFromTheDirectoryIsEscapedEverywhere() {
        String hostile = "<script>alert('x')</script>";
        DirectorySnapshot snapshot = AgentSnapshots.domain()
                .user("eve<img src=x onerror=alert(1)>", "\"><script>document.location='http://evil/'</script>")
                .unconstrainedServer("SRV" + hostile, "CN=" + hostile + ",CN=Computers," + AgentSnapshots.DOMAIN_DN)
                .build();
        ReportDocument report = ReportBuilder.build(snapshot, TestAudits.audit(tmp).run(snapshot),
                Instant.parse("2026-06-01T09:00:00Z"), "test");
        assertThat(report.failing()).hasSize(2);

        String page = html.render(report);

        assertThat(page).doesNotContain("<script").doesNotContain("<img");
        assertThat(page).contains("CN=&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;,CN=Computers");
        assertThat(page).contains("eve&lt;img src=x onerror=alert(1)&gt;");
        assertThat(page).contains("&quot;&gt;&lt;script&gt;document.location=&#39;http://evil/&#39;&lt;/script&gt;");
    }

    @Test
    void thePageIsSelfContainedAndForbidsScripts() {
        String page = html.render(report(List.of(failing("rule-a", 2, 10, evidence("CN=a", "a")))));
        assertThat(page).startsWith("<!DOCTYPE html>");
        assertThat(page).contains("Content-Security-Policy").contains("default-src 'none'");
        assertThat(page).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=\"http")
                .doesNotContain("href=\"http");
    }

    @Test
    void anIncompleteCollectionShowsTheBannerAndAnUpperBoundNeverAPlainLevel5() {
        ReportDocument report = report(List.of(passing("rule-a", 2), notEvaluated("rule-b", 1, "USERS")), "USERS");
        assertThat(report.score().maturityLevel()).isEqualTo(5);

        String page = html.render(report);

        assertThat(page).contains("Provisional / incomplete result")
                .contains("These parts could not be collected: USERS (failed: time limit exceeded)");
        assertThat(levelShown(page)).isEqualTo("≤ 5");
        assertThat(page).contains("Level ≤ 5 — not evaluated: rule-b");
        assertThat(page).doesNotContainPattern("Level 5\\b").doesNotContain("No rule fails. Keep it that way");
        assertThat(page).contains("<title>Vigie audit: ch-test.local (Level ≤ 5, provisional)</title>");
    }

    @Test
    void aCollectionGapThatNoRuleNeededStillMakesTheResultProvisional() {
        ReportDocument report = report(List.of(passing("rule-a", 2)), "GROUPS");
        assertThat(report.score().complete()).isTrue();

        String page = html.render(report);

        assertThat(page).contains("Provisional / incomplete result").contains("GROUPS (failed: time limit exceeded)");
        assertThat(levelShown(page)).isEqualTo("≤ 5");
        assertThat(page).doesNotContainPattern("Level 5\\b");
    }

    @Test
    void aCompleteCleanDomainShowsLevel5WithoutBanner() {
        String page = html.render(report(List.of(passing("rule-a", 2))));
        assertThat(levelShown(page)).isEqualTo("5");
        assertThat(page).contains("Level 5 of 5").contains("No rule fails. Keep it that way")
                .doesNotContain("Provisional / incomplete result");
    }

    @Test
    void whatToFixFirstListsTheRulesOfTheCurrentLevel() {
        ReportDocument report = report(List.of(failing("low-a", 1, 10, evidence("CN=a", "a")),
                failing("low-b", 1, 30, evidence("CN=b", "b"), evidence("CN=c", "c")),
                failing("high", 3, 50, evidence("CN=d", "d")), passing("ok", 2)));

        String page = html.render(report);
        String fix = page.substring(page.indexOf("id=\"fix-first\""), page.indexOf("id=\"failing\""));

        assertThat(fix).contains("To reach level 2, fix these 2 rules");
        assertThat(fix).contains("href=\"#rule-low-b\"").contains("href=\"#rule-low-a\"").doesNotContain("#rule-high");
        assertThat(fix.indexOf("low-b")).isLessThan(fix.indexOf("low-a"));
        assertThat(fix).contains("30 points · 2 objects");
    }

    @Test
    void failingRulesAreSortedByLevelThenPointsWithTheirReferencesAndEvidence() {
        ReportDocument report = report(List.of(failing("c-level3", 3, 50, evidence("CN=z", "z")),
                failing("b-level1-small", 1, 5, evidence("CN=y", "y")),
                failing("a-level1-big", 1, 40, evidence("CN=x,DC=t", "x", "userAccountControl", "0x80000"))));

        String page = html.render(report);
        String failingSection = page.substring(page.indexOf("id=\"failing\""), page.indexOf("id=\"not-evaluated\""));

        assertThat(failingSection.indexOf("id=\"rule-a-level1-big\""))
                .isLessThan(failingSection.indexOf("id=\"rule-b-level1-small\""));
        assertThat(failingSection.indexOf("id=\"rule-b-level1-small\""))
                .isLessThan(failingSection.indexOf("id=\"rule-c-level3\""));
        assertThat(failingSection).contains("ANSSI: vuln_a_level1_big").contains("PingCastle: P-a-level1-big")
                .contains("Description of a-level1-big").contains("Remediation of a-level1-big")
                .contains("<td class=\"dn\">CN=x,DC=t</td><td>x</td>")
                .contains("<span class=\"attr\">userAccountControl</span>: 0x80000");
    }

    @Test
    void notEvaluatedRulesListTheirMissingDataAndPassingRulesAreCollapsed() {
        ReportDocument report = report(List.of(notEvaluated("needs-users", 2, "USERS", "GROUPS"),
                passing("fine-rule", 4)), "USERS", "GROUPS");

        String page = html.render(report);
        String notEval = page.substring(page.indexOf("id=\"not-evaluated\""), page.indexOf("id=\"passing\""));
        String pass = page.substring(page.indexOf("id=\"passing\""), page.indexOf("id=\"collection\""));

        assertThat(notEval).contains("Title of needs-users").contains("USERS, GROUPS");
        assertThat(pass).contains("<details>").doesNotContain("<details open").contains("fine-rule");
    }

    @Test
    void evidenceBeyondTheCapIsSummarized() {
        ReportDocument report = report(List.of(failing("many", 1, 10, evidence("CN=1", "one"),
                evidence("CN=2", "two"), evidence("CN=3", "three"))));

        String page = new HtmlReport(2).render(report);

        assertThat(page).contains("CN=1").contains("CN=2").doesNotContain(">CN=3<")
                .contains("… and 1 more: see report.json");
    }
}
