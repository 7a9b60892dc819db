package fr.vigie.agent.report;

import static fr.vigie.agent.report.Html.escape;

import fr.vigie.agent.report.ReportDocument.BackupSection;
import fr.vigie.agent.report.ReportDocument.EvidenceEntry;
import fr.vigie.agent.report.ReportDocument.HostNote;
import fr.vigie.agent.report.ReportDocument.HostSection;
import fr.vigie.agent.report.ReportDocument.RuleEntry;
import fr.vigie.agent.report.ReportDocument.StepEntry;
import fr.vigie.ruleset.Category;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders a {@link ReportDocument} as one self-contained HTML page: inline CSS, no script, no external asset, and a
 * Content-Security-Policy that forbids scripts and remote loads. Every value is escaped ({@link Html#escape}):
 * evidence comes from the directory and may hold markup.
 *
 * <p>The page never presents a result computed from partial data as clean: when the report is provisional
 * ({@link ReportDocument#provisional()}), a banner lists what could not be collected and the level is shown as an
 * upper bound ("Level ≤ N") with the rules that could not be evaluated.
 *
 * <p>The backups have their own section ("Backups"): the backup maturity level, shown as "≤ N" (provisional) when
 * some backup rule could not be evaluated (e.g. the host was not inspected), what to fix first for backups, the
 * failing backup rules with their evidence, the notes of the host inspection and the statement that the agent cannot
 * prove the absence of an offline copy. The AD sections list the rules of the AD score only.
 *
 * <p>Immutable and thread-safe.
 */
public final class HtmlReport {
    /** Default maximum of evidence rows shown per rule; the JSON report always has them all. */
    public static final int DEFAULT_MAX_EVIDENCE_ROWS = 1000;

    private final int maxEvidenceRows;

    public HtmlReport() {
        this(DEFAULT_MAX_EVIDENCE_ROWS);
    }

    /** @param maxEvidenceRows evidence rows shown per rule before "and N more" (at least 1) */
    public HtmlReport(int maxEvidenceRows) {
        if (maxEvidenceRows < 1) {
            throw new IllegalArgumentException("maxEvidenceRows must be at least 1");
        }
        this.maxEvidenceRows = maxEvidenceRows;
    }

    /** The page as a string (for tests and small reports). */
    public String render(ReportDocument report) {
        java.io.StringWriter w = new java.io.StringWriter();
        try {
            write(report, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** Streams the page to the writer (not closed). */
    public void write(ReportDocument report, Writer out) throws IOException {
        new Page(report, out).write();
    }

    /** The backup maturity level as displayed: "3", or "≤ 3" when some backup rule was not evaluated. */
    public static String backupLevelText(ReportDocument report) {
        return (report.backupProvisional() ? "≤ " : "") + report.score().backupMaturityLevel();
    }

    /** The maturity level as displayed: "3", or "≤ 3" when the report is provisional. */
    public static String levelText(ReportDocument report) {
        return (report.provisional() ? "≤ " : "") + report.score().maturityLevel();
    }

    private final class Page {
        private final ReportDocument r;
        private final Writer w;

        Page(ReportDocument r, Writer w) {
            this.r = r;
            this.w = w;
        }

        private void raw(String s) throws IOException {
            w.write(s);
        }

        private void text(String s) throws IOException {
            w.write(escape(s));
        }

        void write() throws IOException {
            String domainName = r.domain().dnsName().isEmpty() ? r.domain().dn() : r.domain().dnsName();
            raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                    + "img-src data:; form-action 'none'; base-uri 'none'\">\n");
            raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            raw("<meta name=\"generator\" content=\"Vigie agent ");
            text(r.agentVersion());
            raw("\">\n<title>Vigie audit: ");
            text(domainName);
            raw(" (Level ");
            text(levelText(r));
            raw(r.provisional() ? ", provisional" : "");
            raw(")</title>\n<style>\n");
            raw(CSS);
            raw("</style>\n</head>\n<body>\n");
            header(domainName);
            if (r.provisional()) {
                banner();
            }
            summary();
            fixFirst();
            failing();
            backups();
            notEvaluated();
            passing();
            collection();
            raw("<footer>Generated by the Vigie agent ");
            text(r.agentVersion());
            raw(" on ");
            text(time(r.generatedAt()));
            raw(" with rule catalogue ");
            text(r.catalogue().version());
            raw(". The JSON report (report.json) holds the same results, with every piece of evidence.</footer>\n");
            raw("</body>\n</html>\n");
        }

        private void header(String domainName) throws IOException {
            raw("<header>\n<h1>Active Directory audit: <span class=\"domain\">");
            text(domainName);
            raw("</span></h1>\n<dl class=\"meta\">\n");
            meta("Domain", r.domain().dn());
            meta("Domain SID", r.domain().sid());
            meta("Functional levels", "domain " + functionalLevel(r.domain().domainFunctionalLevel()) + ", forest "
                    + functionalLevel(r.domain().forestFunctionalLevel()));
            meta("Domain controller", r.domain().server().isEmpty() ? r.collection().source()
                    : r.domain().server() + (r.collection().source().isEmpty() ? "" : " (" + r.collection().source()
                    + ")"));
            meta("Collected", time(r.collection().collectedAt()));
            meta("Report generated", time(r.generatedAt()));
            meta("Rule catalogue", r.catalogue().version() + " (scoring model " + r.catalogue().scoringModel() + ")");
            raw("</dl>\n</header>\n");
        }

        private void meta(String label, String value) throws IOException {
            raw("<dt>");
            text(label);
            raw("</dt><dd>");
            text(value.isEmpty() ? "unknown" : value);
            raw("</dd>\n");
        }

        private void banner() throws IOException {
            raw("<section class=\"banner\" id=\"incomplete\" role=\"alert\">\n"
                    + "<h2>Provisional / incomplete result</h2>\n");
            if (!r.collection().missing().isEmpty()) {
                raw("<p>These parts could not be collected: ");
                raw(r.collection().missing().stream().map(this::missingDescription).collect(Collectors.joining("; ")));
                raw(".</p>\n");
            }
            if (!r.score().notEvaluated().isEmpty()) {
                paragraph(r.score().notEvaluated().size() + " rule(s) could not be evaluated: " + String.join(", ",
                        r.score().notEvaluated()) + ".");
            }
            raw("<p>The maturity level below is an upper bound, not a result: the domain is at level ");
            text(String.valueOf(r.score().maturityLevel()));
            raw(" <strong>at best</strong>. Fix the collection (see <a href=\"#collection\">Collection</a>) and run "
                    + "the audit again.</p>\n</section>\n");
        }

        private String missingDescription(String source) {
            Optional<StepEntry> step = r.collection().steps().stream().filter(s -> s.source().equals(source))
                    .findFirst();
            String d = step.map(s -> source + " (" + s.status().toLowerCase(Locale.ROOT)
                    + s.error().map(e -> ": " + e).orElse("") + ")").orElse(source + " (not collected)");
            return escape(d);
        }

        private void summary() throws IOException {
            int level = r.score().maturityLevel();
            raw("<section class=\"summary\">\n");
            String caption;
            if (r.provisional()) {
                String notEvaluated = r.score().notEvaluated().isEmpty()
                        ? "data missing: " + String.join(", ", r.collection().missing())
                        : "not evaluated: " + String.join(", ", r.score().notEvaluated());
                caption = "Level ≤ " + level + " — " + notEvaluated;
            } else {
                caption = "Level " + level + " of 5 (ANSSI scale: 1 = critical weaknesses, 5 = state of the art)";
            }
            levelBox("maturity", "Maturity level", r.provisional(), level, levelText(r), caption);
            raw("<div class=\"scores\">\n<div class=\"global\">Risk score <strong>");
            text(String.valueOf(r.score().globalScore()));
            raw("</strong>/100 <span class=\"hint\">(highest category; 0 = nothing found)</span></div>\n");
            raw("<table class=\"categories\">\n");
            for (Map.Entry<String, Integer> e : r.score().categoryScores().entrySet()) {
                int v = Math.max(0, Math.min(100, e.getValue()));
                raw("<tr><th>");
                text(categoryLabel(e.getKey()));
                raw("</th><td class=\"num\">");
                text(String.valueOf(e.getValue()));
                raw("</td><td class=\"barcell\"><div class=\"bar\"><span style=\"width:" + v + "%\"></span></div>"
                        + "</td></tr>\n");
            }
            raw("</table>\n</div>\n</section>\n");
        }

        /**
         * The coloured level box: {@code <div class="level lvl-N|provisional" id=...>} with its label, value and
         * caption (label and id are trusted constants, value and caption are escaped).
         */
        private void levelBox(String id, String label, boolean provisional, int level, String value, String caption)
                throws IOException {
            raw("<div class=\"level ");
            raw(provisional ? "provisional" : "lvl-" + level);
            raw("\" id=\"" + id + "\">\n<div class=\"level-label\">" + label + "</div>\n<div class=\"level-value\">");
            text(value);
            raw("</div>\n<div class=\"level-caption\">");
            text(caption);
            raw("</div>\n</div>\n");
        }

        /** A heading such as {@code <h2>Failing rules (3)</h2>} (tag and title are trusted constants). */
        private void countedHeading(String tag, String title, int count) throws IOException {
            raw("<" + tag + ">" + title + " (" + count + ")</" + tag + ">\n");
        }

        /** The rule's title then its id, muted. */
        private void titleAndId(RuleEntry e) throws IOException {
            text(e.title());
            raw(" <span class=\"muted\">");
            text(e.id());
            raw("</span>");
        }

        /** A paragraph of escaped text. */
        private void paragraph(String s) throws IOException {
            raw("<p>");
            text(s);
            raw("</p>\n");
        }

        /** The rules of these ids that are in the report, most urgent first. */
        private List<RuleEntry> byUrgency(List<String> ruleIds) {
            return ruleIds.stream().map(r::rule).flatMap(Optional::stream).sorted(ReportDocument.URGENCY).toList();
        }

        /** "this rule" or "these N rules". */
        private static String theseRules(List<RuleEntry> rules) {
            return rules.size() == 1 ? "this rule" : "these " + rules.size() + " rules";
        }

        /**
         * The "fix first" list: {@code <ol class="fix">}, one link to each rule's detail, with its id, its points when
         * {@code withPoints}, and its count of objects.
         */
        private void fixList(List<RuleEntry> rules, boolean withPoints) throws IOException {
            raw("<ol class=\"fix\">\n");
            for (RuleEntry e : rules) {
                raw("<li><a href=\"#rule-");
                text(e.id());
                raw("\">");
                text(e.title());
                raw("</a> <span class=\"muted\">");
                text(e.id() + " · " + (withPoints ? e.points() + " points · " : "")
                        + countObjects(e.evidence().size()));
                raw("</span></li>\n");
            }
            raw("</ol>\n");
        }

        /** The failing rules' details, or "None." when there is none. */
        private void ruleDetails(List<RuleEntry> failing) throws IOException {
            if (failing.isEmpty()) {
                raw("<p>None.</p>\n");
            }
            for (RuleEntry e : failing) {
                ruleDetail(e);
            }
        }

        /** Opens a table: {@code <table[ class="..."]>}, a header row of these (escaped) headers, {@code <tbody>}. */
        private void openTable(String cssClass, String... headers) throws IOException {
            raw(cssClass.isEmpty() ? "<table>\n<thead><tr>" : "<table class=\"" + cssClass + "\">\n<thead><tr>");
            for (String h : headers) {
                raw("<th>");
                text(h);
                raw("</th>");
            }
            raw("</tr></thead>\n<tbody>\n");
        }

        private void closeTable() throws IOException {
            raw("</tbody>\n</table>\n");
        }

        private void fixFirst() throws IOException {
            raw("<section id=\"fix-first\">\n<h2>What to fix first</h2>\n");
            List<RuleEntry> failing = r.failingDirectory();
            int level = r.score().maturityLevel();
            if (failing.isEmpty()) {
                paragraph(r.provisional()
                        ? "No rule fails among those that could be evaluated. This is not a clean result: "
                                + "collect the missing data and run the audit again."
                        : "No rule fails. Keep it that way: run the audit regularly.");
                raw("</section>\n");
                return;
            }
            List<RuleEntry> next = byUrgency(r.score().toReachNextLevel());
            paragraph(level < 5
                    ? "To reach level " + (level + 1) + ", fix " + theseRules(next)
                            + (r.provisional() ? " (rules not evaluated may still hold the domain back)" : "") + ":"
                    : "These rules fail without lowering the level; fixing them lowers the risk score:");
            fixList(next.isEmpty() ? failing : next, true);
            raw("</section>\n");
        }

        private void failing() throws IOException {
            List<RuleEntry> failing = r.failingDirectory();
            raw("<section id=\"failing\">\n");
            countedHeading("h2", "Failing rules", failing.size());
            ruleDetails(failing);
            raw("</section>\n");
        }

        private void backups() throws IOException {
            Optional<BackupSection> b = r.backup();
            int level = r.score().backupMaturityLevel();
            boolean provisional = r.backupProvisional();
            raw("<section id=\"backups\">\n<h2>Backups</h2>\n<div class=\"summary\">\n");
            List<String> notEvaluated = b.map(BackupSection::notEvaluated).orElse(List.of());
            String caption = provisional
                    ? "Backup level ≤ " + level + " / provisional — "
                            + (notEvaluated.isEmpty() ? "some backup rules were not evaluated"
                            : notEvaluated.size() + " backup rule(s) not evaluated")
                            + (b.isPresent() && !b.get().hostInspected() ? " (this host was not inspected)" : "")
                    : "Backup level " + level + " of 5 (1 = backups an attacker can destroy, 5 = state of the art)";
            levelBox("backup-maturity", "Backup maturity level", provisional, level, backupLevelText(r), caption);
            raw("<div class=\"scores\">\n<dl class=\"meta\">\n");
            if (b.isEmpty()) {
                meta("Host inspected", "not recorded in this report");
            } else if (b.get().host().isEmpty()) {
                meta("Host inspected", "no (scan --no-host, or a re-check without --host-snapshot): the host rules "
                        + "are not evaluated");
            } else {
                HostSection h = b.get().host().get();
                meta("Host inspected", h.hostName());
                meta("Operating system", h.os());
                meta("Host collected", time(h.collectedAt()));
                meta("Host collection", h.complete() ? "every step finished"
                        : "incomplete: " + String.join(", ", h.missing()));
            }
            raw("</dl>\n</div>\n</div>\n");
            if (provisional) {
                raw("<p class=\"banner\">");
                text("Provisional: the backup level is an upper bound, not a result. These backup rules could not be "
                        + "evaluated: " + (notEvaluated.isEmpty() ? "see the list of rules not evaluated"
                        : String.join(", ", notEvaluated)) + ". Nothing below is a clean bill of health for them.");
                raw("</p>\n");
            }
            backupFixFirst(level, provisional);
            List<RuleEntry> failing = r.failingBackup();
            countedHeading("h3", "Failing backup rules", failing.size());
            ruleDetails(failing);
            raw("<h3>Host notes</h3>\n");
            List<HostNote> notes = b.map(BackupSection::notes).orElse(List.of());
            if (notes.isEmpty()) {
                paragraph(b.flatMap(BackupSection::host).isPresent()
                        ? "None: the host inspection read everything it tried." : "None (the host was not inspected).");
            } else {
                paragraph("What the host inspection could not read or limited (unreadable paths, time-outs, malformed "
                        + "files, missing commands): the backup rules reading these data are not evaluated or their "
                        + "findings are a lower bound.");
                openTable("evidence", "Data", "Note");
                for (HostNote n : notes) {
                    raw("<tr><td>");
                    text(n.source());
                    raw("</td><td class=\"dn\">");
                    text(n.text());
                    raw("</td></tr>\n");
                }
                closeTable();
            }
            raw("<p class=\"caveat\"><strong>Offline copies.</strong> ");
            text(b.map(BackupSection::offlineCopyCaveat).orElse(BackupSection.OFFLINE_COPY_CAVEAT));
            raw("</p>\n</section>\n");
        }

        private void backupFixFirst(int level, boolean provisional) throws IOException {
            raw("<h3>What to fix first for backups</h3>\n");
            List<RuleEntry> failing = r.failingBackup();
            if (failing.isEmpty()) {
                paragraph(provisional
                        ? "No backup rule fails among those that could be evaluated. This is not a clean result: "
                                + "inspect the backup host (scan without --no-host, with --backup-location) and run "
                                + "the audit again."
                        : "No backup rule fails. Keep testing restores and keep an offline copy.");
                return;
            }
            List<RuleEntry> next = byUrgency(r.score().backupToReachNextLevel());
            paragraph(level < 5 && !next.isEmpty()
                    ? "To reach backup level " + (level + 1) + ", fix " + theseRules(next)
                            + (provisional ? " (rules not evaluated may still hold the backups back)" : "") + ":"
                    : "These backup rules fail:");
            fixList(next.isEmpty() ? failing : next, false);
        }

        private void ruleDetail(RuleEntry e) throws IOException {
            raw("<article class=\"rule\" id=\"rule-");
            text(e.id());
            raw("\">\n<h3><span class=\"badge lvl-");
            text(String.valueOf(e.level()));
            raw("\" title=\"maturity level capped by this rule\">L");
            text(String.valueOf(e.level()));
            raw("</span> ");
            text(e.title());
            raw("</h3>\n<p class=\"ids\">");
            text(e.id() + " · " + categoryLabel(e.category()) + " · " + e.points() + " points");
            if (!e.anssi().isEmpty()) {
                text(" · ANSSI: " + String.join(", ", e.anssi()));
            }
            if (!e.pingcastle().isEmpty()) {
                text(" · PingCastle: " + String.join(", ", e.pingcastle()));
            }
            raw("</p>\n<h4>Why it matters</h4>\n<p>");
            text(e.description());
            raw("</p>\n<h4>What to do</h4>\n<p>");
            text(e.remediation());
            raw("</p>\n<h4>Evidence (");
            text(countObjects(e.evidence().size()));
            raw(")</h4>\n");
            openTable("evidence", "Object", "Name", "Attributes");
            int shown = 0;
            for (EvidenceEntry ev : e.evidence()) {
                if (shown == maxEvidenceRows) {
                    break;
                }
                shown++;
                raw("<tr><td class=\"dn\">");
                text(ev.object());
                raw("</td><td>");
                text(ev.name());
                raw("</td><td>");
                for (Map.Entry<String, String> a : ev.attributes().entrySet()) {
                    raw("<div><span class=\"attr\">");
                    text(a.getKey());
                    raw("</span>: ");
                    text(a.getValue());
                    raw("</div>");
                }
                raw("</td></tr>\n");
            }
            if (e.evidence().size() > shown) {
                raw("<tr><td colspan=\"3\" class=\"more\">");
                text("… and " + (e.evidence().size() - shown) + " more: see report.json for the full list.");
                raw("</td></tr>\n");
            }
            closeTable();
            raw("</article>\n");
        }

        private void notEvaluated() throws IOException {
            List<RuleEntry> rules = r.notEvaluated();
            raw("<section id=\"not-evaluated\">\n");
            countedHeading("h2", "Rules not evaluated", rules.size());
            if (rules.isEmpty()) {
                raw("<p>None: every rule was evaluated.</p>\n</section>\n");
                return;
            }
            paragraph("The data these rules need could not be collected: they say nothing about the domain, "
                    + "neither good nor bad.");
            openTable("", "Rule", "Level", "Missing data");
            for (RuleEntry e : rules) {
                raw("<tr><td>");
                titleAndId(e);
                raw("</td><td>L");
                text(String.valueOf(e.level()));
                raw("</td><td>");
                text(String.join(", ", e.missingData()));
                raw("</td></tr>\n");
            }
            closeTable();
            raw("</section>\n");
        }

        private void passing() throws IOException {
            List<RuleEntry> rules = r.passing();
            raw("<section id=\"passing\">\n");
            countedHeading("h2", "Passing rules", rules.size());
            raw("<details>\n<summary>Show the ");
            text(String.valueOf(rules.size()));
            raw(" rules that found nothing</summary>\n<ul>\n");
            for (RuleEntry e : rules) {
                raw("<li>");
                titleAndId(e);
                raw("</li>\n");
            }
            raw("</ul>\n</details>\n</section>\n");
        }

        private void collection() throws IOException {
            raw("<section id=\"collection\">\n<h2>Collection</h2>\n<p>");
            text(r.collection().complete() ? "Every collection step finished."
                    : "Some collection steps did not finish: " + String.join(", ", r.collection().missing()) + ".");
            raw("</p>\n<table>\n<thead><tr><th>Data</th><th>Status</th><th class=\"num\">Objects</th><th>Error</th>"
                    + "</tr></thead>\n<tbody>\n");
            for (StepEntry s : r.collection().steps()) {
                raw("<tr class=\"");
                raw("COMPLETE".equals(s.status()) ? "ok" : "ko");
                raw("\"><td>");
                text(s.source());
                raw("</td><td>");
                text(s.status());
                raw("</td><td class=\"num\">");
                text(String.format(Locale.ROOT, "%,d", s.objects()));
                raw("</td><td>");
                text(s.error().orElse(""));
                raw("</td></tr>\n");
            }
            closeTable();
            raw("</section>\n");
        }
    }

    /** An instant to the second, UTC, e.g. "2026-06-01 08:30:00 UTC". */
    static String time(java.time.Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
                .format(instant.atOffset(java.time.ZoneOffset.UTC));
    }

    private static String countObjects(int n) {
        return n == 1 ? "1 object" : String.format(Locale.ROOT, "%,d objects", n);
    }

    /** The category's label when it is known to this version, else its name. */
    static String categoryLabel(String category) {
        for (Category c : Category.values()) {
            if (c.name().equals(category)) {
                return c.label();
            }
        }
        return category;
    }

    /** e.g. "7 (Windows Server 2016 or later)". */
    static String functionalLevel(int level) {
        String name = switch (level) {
            case 0 -> "Windows 2000";
            case 1 -> "Windows Server 2003 interim";
            case 2 -> "Windows Server 2003";
            case 3 -> "Windows Server 2008";
            case 4 -> "Windows Server 2008 R2";
            case 5 -> "Windows Server 2012";
            case 6 -> "Windows Server 2012 R2";
            case 7 -> "Windows Server 2016 to 2022";
            case 10 -> "Windows Server 2025";
            default -> "unknown";
        };
        return level + " (" + name + ")";
    }

    private static final String CSS = """
            :root { --fg:#1d2330; --muted:#5b6475; --line:#d9dde5; --bg:#f6f7f9; }
            * { box-sizing: border-box; }
            body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
                   max-width: 1100px; margin: 0 auto; padding: 24px; background: #fff; }
            h1 { font-size: 1.6em; margin: 0 0 .4em; } h2 { margin-top: 1.8em; border-bottom: 2px solid var(--line);
                 padding-bottom: .2em; } h3 { margin: .2em 0; } h4 { margin: .9em 0 .2em; font-size: .95em; }
            .domain { color: #1f4f99; }
            dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
            dl.meta dt { color: var(--muted); } dl.meta dd { margin: 0; word-break: break-word; }
            .banner { background: #fff4e5; border: 2px solid #e08a00; border-radius: 6px; padding: 4px 16px;
                      margin: 18px 0; } .banner h2 { border: 0; margin: .4em 0; color: #a35f00; }
            .summary { display: flex; flex-wrap: wrap; gap: 24px; margin: 22px 0; align-items: stretch; }
            .level { min-width: 220px; padding: 16px; border-radius: 8px; color: #fff; text-align: center; }
            .level-label { font-size: .95em; opacity: .9; } .level-value { font-size: 4.2em; font-weight: 700;
                           line-height: 1.1; } .level-caption { font-size: .85em; max-width: 260px; margin: 0 auto; }
            .lvl-1 { background: #b3261e; } .lvl-2 { background: #d9641e; } .lvl-3 { background: #c9a400; }
            .lvl-4 { background: #5f9e3a; } .lvl-5 { background: #2e7d32; }
            .provisional { background: repeating-linear-gradient(45deg, #6b7280, #6b7280 12px, #7c8391 12px,
                           #7c8391 24px); }
            .scores { flex: 1; min-width: 320px; } .global { font-size: 1.2em; margin-bottom: 8px; }
            .hint, .muted { color: var(--muted); font-size: .88em; }
            table { border-collapse: collapse; width: 100%; margin: 6px 0; }
            th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
            thead th { background: var(--bg); } td.num, th.num { text-align: right; }
            table.categories th { width: 12em; font-weight: 500; } .barcell { width: 60%; }
            .bar { background: var(--bg); border-radius: 4px; height: 12px; overflow: hidden; }
            .bar span { display: block; height: 100%; background: #d9641e; }
            article.rule { border: 1px solid var(--line); border-radius: 6px; padding: 10px 16px; margin: 16px 0; }
            .badge { display: inline-block; color: #fff; border-radius: 4px; padding: 0 6px; font-size: .85em; }
            .ids { color: var(--muted); font-size: .88em; margin: 0; }
            table.evidence td.dn { word-break: break-all; font-family: ui-monospace, Consolas, monospace;
                                   font-size: .85em; } .attr { color: var(--muted); }
            td.more { font-style: italic; color: var(--muted); }
            .caveat { background: var(--bg); border-left: 4px solid #1f4f99; padding: 8px 12px; }
            p.banner { padding: 8px 16px; }
            tr.ko td { background: #fff4e5; }
            details summary { cursor: pointer; color: #1f4f99; }
            footer { margin-top: 32px; color: var(--muted); font-size: .85em; }
            @media print { .summary { break-inside: avoid; } article.rule { break-inside: avoid-page; } }
            """;
}
