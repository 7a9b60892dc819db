package fr.vigie.agent.export;

import fr.vigie.agent.report.ReportBuilder;
import fr.vigie.agent.report.ReportDocument;
import fr.vigie.agent.report.ReportDocument.EvidenceEntry;
import fr.vigie.agent.report.ReportDocument.RuleEntry;
import fr.vigie.checks.Audit;
import fr.vigie.ruleset.CatalogueLoader;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.AccountKind;
import fr.vigie.snapshot.CollectionStep;
import fr.vigie.snapshot.ComputerInfo;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectoryServiceConfig;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.DomainInfo;
import fr.vigie.snapshot.ForeignPrincipal;
import fr.vigie.snapshot.Group;
import fr.vigie.snapshot.PasswordPolicy;
import fr.vigie.snapshot.Sids;
import fr.vigie.snapshot.Trust;
import fr.vigie.snapshot.Uac;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A hospital domain full of findings whose every name is distinctive (so that a leak is unambiguous), audited with
 * the real catalogue, plus one rule whose evidence quotes free text ({@code description}) and an attribute no
 * export policy knows. {@link #names()} lists every name, DN, host, SPN and free text of the fixture.
 */
final class ExportFixture {
    static final String SID = "S-1-5-21-3623811015-3361044348-30300820";
    static final String DN = "DC=chu-armor,DC=local";
    static final String DNS = "chu-armor.local";
    static final String DC_HOST = "srv-ad-armor01.chu-armor.local";
    static final Instant NOW = Instant.parse("2026-06-01T08:30:00Z");
    static final String STAFF_OU = "OU=Personnel,OU=Cardiologie," + DN;

    private final List<Account> accounts = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();
    private final Set<String> names = new LinkedHashSet<>();
    private int rid = 1200;

    private static Optional<Instant> daysAgo(long days) {
        return Optional.of(NOW.minus(Duration.ofDays(days)));
    }

    private Account add(String dn, String sam, AccountKind kind, int uac, int primaryGroup, long pwdDays,
            long logonDays, int adminCount, List<String> spns, List<String> sidHistory, List<String> delegateTo,
            List<String> actOnBehalf, String description, ComputerInfo computer, Integer fixedRid) {
        Account a = new Account(dn, Sids.of(SID, fixedRid == null ? rid++ : fixedRid), sam, kind, uac, primaryGroup,
                daysAgo(pwdDays), logonDays < 0 ? Optional.empty() : daysAgo(logonDays), daysAgo(3000), adminCount,
                spns, sidHistory, delegateTo, actOnBehalf, Optional.empty(), Optional.ofNullable(description),
                Optional.ofNullable(computer));
        accounts.add(a);
        names.add(dn);
        names.add(sam);
        names.add(leaf(dn));
        if (sam.endsWith("$")) {
            names.add(sam.substring(0, sam.length() - 1));
        }
        if (description != null) {
            names.add(description);
        }
        for (String spn : spns) {
            names.add(spn);
            names.add(spn.substring(spn.indexOf('/') + 1).replaceAll(":.*", ""));
        }
        for (String spn : delegateTo) {
            names.add(spn);
            names.add(spn.substring(spn.indexOf('/') + 1).replaceAll(":.*", ""));
        }
        if (computer != null) {
            computer.dnsHostName().ifPresent(names::add);
        }
        return a;
    }

    private static String leaf(String dn) {
        return dn.substring(dn.indexOf('=') + 1, dn.indexOf(','));
    }

    private String group(String name, String container, int groupRid, String sidOverride, List<String> members) {
        String dn = "CN=" + name + "," + container;
        groups.add(new Group(dn, sidOverride != null ? sidOverride : Sids.of(SID, groupRid), name, -2147483646,
                members));
        names.add(dn);
        names.add(name);
        return dn;
    }

    /** The snapshot (the same at every call). */
    DirectorySnapshot snapshot() {
        accounts.clear();
        groups.clear();
        names.clear();
        rid = 1200;
        String users = "CN=Users," + DN;
        ComputerInfo dcInfo = new ComputerInfo(Optional.of("Windows Server 2012 R2 Standard"), Optional.of("6.3 (9600)"),
                Optional.of(DC_HOST), false);
        Account pc = add("CN=PC-URGENCES-042,OU=Urgences," + DN, "PC-URGENCES-042$", AccountKind.COMPUTER,
                Uac.WORKSTATION_TRUST_ACCOUNT | Uac.TRUSTED_FOR_DELEGATION, Sids.RID_DOMAIN_COMPUTERS, 400, 300, 0,
                List.of(), List.of(), List.of(), List.of(), null,
                new ComputerInfo(Optional.of("Windows 7 Professionnel"), Optional.of("6.1 (7601)"),
                        Optional.of("pc-urgences-042.chu-armor.local"), false), null);
        Account dc = add("CN=SRV-AD-ARMOR01,OU=Domain Controllers," + DN, "SRV-AD-ARMOR01$", AccountKind.COMPUTER,
                Uac.SERVER_TRUST_ACCOUNT | Uac.TRUSTED_FOR_DELEGATION, Sids.RID_DOMAIN_CONTROLLERS, 400, 200, 0,
                List.of(), List.of(), List.of(), List.of(pc.sid()), null, dcInfo, 1000);
        Account admin = add("CN=Administrator," + users, "Administrator", AccountKind.USER,
                Uac.NORMAL_ACCOUNT | Uac.DONT_EXPIRE_PASSWORD, Sids.RID_DOMAIN_USERS, 2000, 1, 1, List.of(),
                List.of(), List.of(), List.of(), null, null, Sids.RID_ADMINISTRATOR);
        add("CN=Guest," + users, "Guest", AccountKind.USER, Uac.NORMAL_ACCOUNT | Uac.PASSWD_NOTREQD,
                Sids.RID_DOMAIN_GUESTS, 2000, -1, 0, List.of(), List.of(), List.of(), List.of(), null, null,
                Sids.RID_GUEST);
        add("CN=krbtgt," + users, "krbtgt", AccountKind.USER, Uac.NORMAL_ACCOUNT | Uac.ACCOUNTDISABLE,
                Sids.RID_DOMAIN_USERS, 2500, -1, 1, List.of("kadmin/changepw"), List.of(), List.of(), List.of(),
                null, null, Sids.RID_KRBTGT);
        Account leroux = add("CN=Marie Leroux (admin)," + STAFF_OU, "adm-mleroux", AccountKind.USER,
                Uac.NORMAL_ACCOUNT | Uac.DONT_EXPIRE_PASSWORD | Uac.ENCRYPTED_TEXT_PWD_ALLOWED, Sids.RID_DOMAIN_USERS,
                1500, 2, 1, List.of(), List.of("S-1-5-21-1111-2222-3333-512", "S-1-5-21-1111-2222-3333-1877"),
                List.of(), List.of(), "Marie Leroux, responsable informatique", null, null);
        Account pacs = add("CN=svc-pacs-imagerie,OU=Services," + DN, "svc-pacs-imagerie", AccountKind.USER,
                Uac.NORMAL_ACCOUNT | Uac.DONT_EXPIRE_PASSWORD | Uac.DONT_REQ_PREAUTH, Sids.RID_DOMAIN_USERS, 1900, 1,
                1, List.of("MSSQLSvc/pacs-sql01.chu-armor.local:1433", "HTTP/pacs-web.chu-armor.local"), List.of(),
                List.of(), List.of(), "Compte du PACS Carestream, contact Paul Martin", null, null);
        add("CN=svc-portail-patient,OU=Services," + DN, "svc-portail-patient", AccountKind.USER,
                Uac.NORMAL_ACCOUNT | Uac.TRUSTED_TO_AUTH_FOR_DELEGATION, Sids.RID_DOMAIN_USERS, 30, 1, 0,
                List.of("HTTP/portail-patient.chu-armor.local"), List.of(),
                List.of("cifs/" + DC_HOST, "ldap/SRV-AD-ARMOR01"), List.of(), null, null, null);
        Account dupont = add("CN=Jean Dupont," + STAFF_OU, "jdupont.cardio", AccountKind.USER, Uac.NORMAL_ACCOUNT,
                Sids.RID_DOMAIN_USERS, 500, 400, 0, List.of(), List.of(), List.of(), List.of(),
                "Jean Dupont, cardiologue", null, null);
        add("CN=Nadia Martin,OU=RessourcesHumaines," + DN, "nmartin.rh", AccountKind.USER, Uac.NORMAL_ACCOUNT | Uac.USE_DES_KEY_ONLY,
                Sids.RID_DOMAIN_ADMINS, 10, 1, 0, List.of(), List.of(), List.of(), List.of(), null, null, null);
        names.add("Personnel");
        names.add("Cardiologie");
        names.add("Urgences");
        names.add("Services");
        names.add("RessourcesHumaines");
        names.add("nas-cardio");

        String fsp = "CN=S-1-5-7,CN=ForeignSecurityPrincipals," + DN;
        String medecins = "CN=GG-Cardio-Medecins," + STAFF_OU;
        String internes = "CN=GG-Cardio-Internes," + STAFF_OU;
        group("GG-Cardio-Medecins", STAFF_OU, 1300, null, List.of(internes, dupont.dn()));
        group("GG-Cardio-Internes", STAFF_OU, 1301, null, List.of(medecins));
        String domainAdmins = group("Domain Admins", users, Sids.RID_DOMAIN_ADMINS, null,
                List.of(admin.dn(), leroux.dn(), pacs.dn()));
        group("Domain Users", users, Sids.RID_DOMAIN_USERS, null, List.of());
        group("Domain Computers", users, Sids.RID_DOMAIN_COMPUTERS, null, List.of());
        group("Domain Controllers", users, Sids.RID_DOMAIN_CONTROLLERS, null, List.of());
        group("Schema Admins", users, Sids.RID_SCHEMA_ADMINS, null, List.of(leroux.dn()));
        group("Enterprise Admins", users, Sids.RID_ENTERPRISE_ADMINS, null, List.of(admin.dn()));
        group("Protected Users", users, Sids.RID_PROTECTED_USERS, null, List.of());
        group("Administrators", "CN=Builtin," + DN, 0, Sids.ADMINISTRATORS, List.of(domainAdmins));
        group("Account Operators", "CN=Builtin," + DN, 0, Sids.ACCOUNT_OPERATORS, List.of(dupont.dn()));
        group("Pre-Windows 2000 Compatible Access", "CN=Builtin," + DN, 0, Sids.PRE_WINDOWS_2000, List.of(fsp));
        names.add(fsp);

        List<Trust> trusts = List.of(new Trust("CN=clinique-partenaire.fr,CN=System," + DN, "clinique-partenaire.fr",
                Optional.of("CLINPART"), Optional.of("S-1-5-21-1111-2222-3333"), Trust.DIRECTION_OUTBOUND, 2, 0,
                Optional.empty(), Optional.empty()));
        names.add("clinique-partenaire.fr");
        names.add("CLINPART");
        names.add("CN=clinique-partenaire.fr,CN=System," + DN);

        List<CollectionStep> steps = new ArrayList<>();
        for (DataSource s : DataSource.values()) {
            steps.add(CollectionStep.complete(s, 10));
        }
        String config = "CN=Configuration," + DN;
        DomainInfo domain = new DomainInfo(DN, DNS, SID, 4, 4, config, "CN=Schema," + config, DN, DC_HOST,
                Optional.of(10), new PasswordPolicy(7, 0, 0, 0, 0), false, false);
        names.add(DN);
        names.add(DNS);
        names.add("chu-armor");
        names.add(DC_HOST);
        return new DirectorySnapshot(DirectorySnapshot.SCHEMA_VERSION, NOW, DC_HOST + ":636", domain, accounts,
                groups, List.of(new ForeignPrincipal(fsp, Sids.ANONYMOUS)), trusts,
                new DirectoryServiceConfig(Optional.of("0000002"), Optional.empty(), Optional.empty(), List.of()),
                List.of(), List.of(), steps);
    }

    /** The audited report, plus a rule quoting descriptions and an attribute unknown to the export. */
    ReportDocument report() {
        DirectorySnapshot snapshot = snapshot();
        ReportDocument r = ReportBuilder.build(snapshot, new Audit(CatalogueLoader.builtIn()).run(snapshot),
                NOW.plusSeconds(90), "0.1.0-test");
        List<EvidenceEntry> quoted = new ArrayList<>();
        for (Account a : snapshot.accounts()) {
            a.description().ifPresent(d -> {
                Map<String, String> attrs = new LinkedHashMap<>();
                attrs.put("description", d);
                attrs.put("info", "home directory \\\\nas-cardio\\" + a.samAccountName());
                attrs.put("userAccountControl", "0x200 (NORMAL_ACCOUNT)");
                quoted.add(new EvidenceEntry(a.dn(), a.samAccountName(), attrs));
            });
        }
        List<RuleEntry> rules = new ArrayList<>(r.rules());
        rules.add(new RuleEntry("test-description-quoted", "Accounts with a description", "ANOMALIES", 0, 5,
                List.of(), List.of(), ReportDocument.FAIL, List.of(), "test rule", "none", quoted));
        return new ReportDocument(r.reportSchema(), r.schemaVersion(), r.generatedAt(), r.agentVersion(),
                r.catalogue(), r.domain(), r.collection(), r.score(), rules);
    }

    /** Every name, DN, host name, SPN and free text of the fixture. */
    Set<String> names() {
        if (names.isEmpty()) {
            snapshot();
        }
        return Set.copyOf(names);
    }
}
