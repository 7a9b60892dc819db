package fr.vigie.agent.export;

import fr.vigie.agent.report.ReportDocument;
import fr.vigie.agent.report.ReportDocument.BackupSection;
import fr.vigie.agent.report.ReportDocument.HostNote;
import fr.vigie.agent.report.ReportDocument.HostSection;
import fr.vigie.agent.report.ReportDocument.CollectionSection;
import fr.vigie.agent.report.ReportDocument.DomainSection;
import fr.vigie.agent.report.ReportDocument.EvidenceEntry;
import fr.vigie.agent.report.ReportDocument.ExportSection;
import fr.vigie.agent.report.ReportDocument.RuleEntry;
import fr.vigie.agent.report.ReportDocument.StepEntry;
import fr.vigie.agent.report.ReportJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Data minimisation of the copy of a report that leaves the establishment: a pure function
 * {@code ReportDocument -> ReportDocument} ({@link #minimise}). The local report is never changed.
 *
 * <ul>
 *   <li>{@link ExportLevel#FULL}: the report as is.
 *   <li>{@link ExportLevel#PSEUDONYMIZED}: each evidence entry's object (DN) and name, and every name, DN, host or
 *       SPN inside the attribute values known to carry them, become keyed pseudonyms (see {@link Pseudonymizer});
 *       attribute values known to hold only flags, dates, numbers, SIDs or fixed texts of the checks are kept, unless
 *       they contain a name seen anywhere in the report (then they are withheld); any other attribute (a new check's,
 *       free text such as {@code description}) is dropped. The domain's DN, DNS name and DC name and the collection
 *       source are pseudonymized too, and the text of collection errors (which may quote a DN) is withheld.
 *   <li>{@link ExportLevel#COUNTS}: as pseudonymized for the domain and collection, and no evidence at all: each rule
 *       carries {@code evidenceCount} instead.
 * </ul>
 *
 * <p>The {@code backup} section, in both minimised levels: the host name is pseudonymized, the text of each host
 * note and host step error (they name paths, shares and mounts) is withheld, keeping their number and step; the
 * levels, rule ids, flags and the host's OS (scrubbed) are kept. In host rule evidence, paths and share names (the
 * evidence object and name) are pseudonymized like directory names, and in mount options the server addresses and
 * user names ({@code addr=}, {@code username=}...) too.
 *
 * <p>Kept in every level: the domain SID (the collector files reports by it; it is a random identifier, not a name,
 * and the collector already knows which establishment the agent belongs to), SIDs in attribute values (sIDHistory,
 * resource-based delegation), the scores, the rule statuses and the public catalogue texts. A minimised copy has an
 * {@code export} section naming its level and the {@link PseudonymKey#keyId() key id}. Stateless; thread-safe.
 */
public final class ReportExport {
    /** The pseudonymization method, as named in the {@code export} section. */
    public static final String PSEUDONYMS = "hmac-sha256";

    private static final Pattern SID_WITH_NOTE = Pattern.compile("^(S-[0-9-]+) \\((.*)\\)$");
    private static final Pattern ID_WITH_NAME = Pattern.compile("^([0-9]+) \\((.*)\\)$");

    /**
     * Attributes whose values hold no directory name by construction (flags, dates, numbers, SIDs, fixed texts of
     * the checks); still {@linkplain Pseudonymizer#scrub scrubbed}.
     */
    private static final Set<String> KEPT = Set.of("userAccountControl", "pwdLastSet", "lastLogonTimestamp",
            "whenCreated", "operatingSystem", "operatingSystemVersion", "matchedPattern",
            "msDS-SupportedEncryptionTypes", "expected", "maxPasswordAgeDays", "passwordAgeDays", "maxAgeDays",
            "age (days)", "adminCount", "enabledPrivilegedAccounts", "maxPrivilegedUsers", "protectedUsers",
            "memberType", "coverage", "LAPS password", "ms-Mcs-AdmPwd (legacy LAPS)", "msLAPS-Password (Windows LAPS)",
            "ms-DS-MachineAccountQuota", "domainFunctionality", "forestFunctionality", "required", "dSHeuristics",
            "position", "character", "meaning", "trustDirection", "trustType", "trustAttributes", "principal",
            "sIDHistory",
            // backup checks
            "lastBackup", "tombstoneLifetimeDays", "ageDays", "basis", "minWritableDcs", "entries scanned",
            "age (hours)", "backups found", "backups scanned", "immutable attribute read on", "immutable backups",
            "offline media attached", "limit", "guest ok", "read only", "layer", "kind", "format", "mode", "type",
            "modified", "lapsPassword", "product", "permissions", "server", "sid", "summary",
            "weaknesses");

    /** Attributes whose values embed names: how each is pseudonymized. */
    private static final Map<String, BiFunction<Pseudonymizer, String, String>> NAMED = named();

    private ReportExport() {}

    private static Map<String, BiFunction<Pseudonymizer, String, String>> named() {
        Map<String, BiFunction<Pseudonymizer, String, String>> m = new LinkedHashMap<>();
        m.put("group", Pseudonymizer::name);
        m.put("member", (p, v) -> Pseudonymizer.looksLikeDn(v) ? p.dn(v) : p.name(v));
        m.put("privilegedGroups", (p, v) -> v.equals("none") ? v : Pseudonymizer.list(v, ", ", p::name));
        m.put("domain controllers", (p, v) -> Pseudonymizer.list(v, ", ", p::name));
        m.put("groups in the loop", (p, v) -> Pseudonymizer.list(v, ", ", p::name));
        m.put("cycle", (p, v) -> Pseudonymizer.list(v, " -> ", p::name));
        m.put("cycle (DN)", (p, v) -> Pseudonymizer.list(v, " -> ", p::dn));
        m.put("msDS-EnabledFeature", (p, v) -> v.equals("(none)") ? v : Pseudonymizer.list(v, "; ", p::dn));
        m.put("servicePrincipalName", (p, v) -> Pseudonymizer.list(v, ", ", p::spn));
        m.put("msDS-AllowedToDelegateTo", (p, v) -> Pseudonymizer.list(v, ", ", p::spn));
        m.put("msDS-AllowedToActOnBehalfOfOtherIdentity",
                (p, v) -> Pseudonymizer.list(v, ", ", item -> sidWithName(p, item)));
        m.put("dangerous sIDHistory", (p, v) -> Pseudonymizer.list(v, ", ", item -> sidWithReason(p, item)));
        m.put("primaryGroupID", (p, v) -> {
            Matcher idName = ID_WITH_NAME.matcher(v);
            return idName.matches() ? idName.group(1) + " (" + p.name(idName.group(2)) + ")" : p.scrub(v);
        });
        m.put("writableDcs", (p, v) -> {
            Matcher countNames = ID_WITH_NAME.matcher(v);
            return countNames.matches()
                    ? countNames.group(1) + " (" + Pseudonymizer.list(countNames.group(2), ", ", p::name) + ")"
                    : p.scrub(v);
        });
        m.put("readOnlyDcs", (p, v) -> v.equals("none") ? v : Pseudonymizer.list(v, ", ", p::name));
        m.put("dNSHostName", (p, v) -> v.equals("not set") ? v : p.host(v));
        m.put("domain", (p, v) -> v.startsWith("(") ? p.scrub(v) : p.host(v));
        m.put("production domain", (p, v) -> v.startsWith("(") ? p.scrub(v) : p.host(v));
        m.put("runs as", Pseudonymizer::name);
        m.put("options", (p, v) -> Pseudonymizer.list(v, ",", item -> mountOption(p, item)));
        m.put("owner", (p, v) -> Pseudonymizer.list(v, ":", item -> item.equals("?") ? item : p.name(item)));
        m.put("why sensitive", (p, v) -> v.startsWith("member of ")
                ? "member of " + Pseudonymizer.list(v.substring("member of ".length()), ", ", p::name) : p.scrub(v));
        return Map.copyOf(m);
    }

    /**
     * The copy of {@code report} to upload at this level.
     *
     * @param key the agent's pseudonym key (unused for {@link ExportLevel#FULL})
     */
    public static ReportDocument minimise(ReportDocument report, ExportLevel level, PseudonymKey key) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(level, "level");
        if (level == ExportLevel.FULL) {
            return report;
        }
        Objects.requireNonNull(key, "key");
        Pseudonymizer p = new Pseudonymizer(key);
        transform(report, level, p); // first pass: learn every name of the report
        p.startScrubbing();
        return transform(report, level, p);
    }

    /**
     * The bytes to upload: the minimised copy as report JSON (UTF-8, the same serialization as {@code report.json}).
     *
     * @throws IOException when the report cannot be serialized
     */
    public static byte[] payload(ReportDocument report, ExportLevel level, PseudonymKey key) throws IOException {
        return ReportJson.toJson(minimise(report, level, key)).getBytes(StandardCharsets.UTF_8);
    }

    private static ReportDocument transform(ReportDocument r, ExportLevel level, Pseudonymizer p) {
        DomainSection d = r.domain();
        DomainSection domain = new DomainSection(p.dn(d.dn()), p.host(d.dnsName()), d.sid(),
                d.domainFunctionalLevel(), d.forestFunctionalLevel(), p.host(d.server()));
        CollectionSection c = r.collection();
        List<StepEntry> steps = c.steps().stream().map(s -> new StepEntry(s.source(), s.status(), s.objects(),
                s.error().map(e -> Pseudonymizer.WITHHELD))).toList();
        CollectionSection collection = new CollectionSection(c.collectedAt(), p.hostAndPort(c.source()), c.complete(),
                steps, c.missing());
        List<RuleEntry> rules = r.rules().stream().map(rule -> rule(rule, level, p)).toList();
        return new ReportDocument(r.reportSchema(), r.schemaVersion(), r.generatedAt(), r.agentVersion(),
                r.catalogue(), domain, collection, r.score(), rules,
                Optional.of(new ExportSection(level.id(), PSEUDONYMS, p.keyId())), r.backup().map(b -> backup(b, p)));
    }

    private static RuleEntry rule(RuleEntry r, ExportLevel level, Pseudonymizer p) {
        if (level == ExportLevel.COUNTS) {
            return new RuleEntry(r.id(), r.title(), r.category(), r.points(), r.level(), r.anssi(), r.pingcastle(),
                    r.status(), r.missingData(), r.description(), r.remediation(), List.of(),
                    Optional.of(r.evidence().size()));
        }
        List<EvidenceEntry> evidence = r.evidence().stream().map(e -> evidence(e, p)).toList();
        return new RuleEntry(r.id(), r.title(), r.category(), r.points(), r.level(), r.anssi(), r.pingcastle(),
                r.status(), r.missingData(), r.description(), r.remediation(), evidence, Optional.empty());
    }

    private static EvidenceEntry evidence(EvidenceEntry e, Pseudonymizer p) {
        String object = Pseudonymizer.looksLikeDn(e.object()) ? p.dn(e.object()) : p.name(e.object());
        Map<String, String> attributes = new LinkedHashMap<>();
        e.attributes().forEach((attribute, value) -> {
            BiFunction<Pseudonymizer, String, String> named = NAMED.get(attribute);
            if (named != null) {
                attributes.put(attribute, named.apply(p, value));
            } else if (KEPT.contains(attribute)) {
                attributes.put(attribute, p.scrub(value));
            }
            // any other attribute may hold free text (description...) or belong to a newer check: dropped
        });
        return new EvidenceEntry(object, p.name(e.name()), attributes);
    }

    /** Mount or export option keys whose value names a host, an address, an account or a path. */
    private static final Set<String> NAMED_OPTIONS = Set.of("addr", "clientaddr", "mountaddr", "mounthost", "server",
            "ip", "unc", "domain", "username", "user", "prefixpath", "source", "credentials", "cred",
            "sec_domain", "hostname");

    /** One mount or export option: {@code rw} kept, {@code addr=10.1.2.3} with its value pseudonymized. */
    private static String mountOption(Pseudonymizer p, String item) {
        int eq = item.indexOf('=');
        if (eq < 0) {
            return p.scrub(item);
        }
        String key = item.substring(0, eq);
        String value = item.substring(eq + 1);
        if (NAMED_OPTIONS.contains(key.toLowerCase(java.util.Locale.ROOT))) {
            return key + "=" + (key.toLowerCase(java.util.Locale.ROOT).contains("addr") || key.equals("ip")
                    ? p.host(value) : p.name(value));
        }
        return p.scrub(item);
    }

    private static BackupSection backup(BackupSection b, Pseudonymizer p) {
        Optional<HostSection> host = b.host().map(h -> new HostSection(p.host(h.hostName()), p.scrub(h.os()),
                h.collectedAt(), h.complete(), h.steps().stream().map(s -> new StepEntry(s.source(), s.status(),
                        s.objects(), s.error().map(e -> Pseudonymizer.WITHHELD))).toList(), h.missing()));
        List<HostNote> notes = b.notes().stream().map(n -> new HostNote(n.source(), Pseudonymizer.WITHHELD))
                .toList();
        return new BackupSection(b.maturityLevel(), b.complete(), b.toReachNextLevel(), b.notEvaluated(),
                b.hostInspected(), host, notes, b.offlineCopyCaveat());
    }

    /** {@code SID (name)} or a bare SID: the SID kept, the name pseudonymized. */
    private static String sidWithName(Pseudonymizer p, String item) {
        Matcher m = SID_WITH_NOTE.matcher(item);
        if (m.matches()) {
            return m.group(1) + " (" + p.name(m.group(2)) + ")";
        }
        return item.startsWith("S-") ? p.scrub(item) : p.name(item);
    }

    /** {@code SID (why)} of the dangerous-SID-history check: a name in the reason is pseudonymized. */
    private static String sidWithReason(Pseudonymizer p, String item) {
        Matcher m = SID_WITH_NOTE.matcher(item);
        if (!m.matches()) {
            return item.startsWith("S-") ? p.scrub(item) : p.name(item);
        }
        String reason = m.group(2);
        for (String prefix : List.of("privileged group ", "privileged account ")) {
            if (reason.startsWith(prefix)) {
                return m.group(1) + " (" + prefix + p.name(reason.substring(prefix.length())) + ")";
            }
        }
        return m.group(1) + " (" + p.scrub(reason) + ")";
    }
}
