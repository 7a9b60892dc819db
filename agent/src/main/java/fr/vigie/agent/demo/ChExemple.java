package fr.vigie.agent.demo;

import com.unboundid.ldap.sdk.LDAPException;
import fr.vigie.agent.demo.ForestSettings.DomainControllerSpec;
import fr.vigie.agent.demo.ForestSettings.DomainPolicy;
import fr.vigie.agent.demo.encode.SecurityDescriptorEncoder;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The sample hospital domain "CH Exemple" ({@code ch-exemple.local}): about 300 users in 15 services, 150
 * computers, three DCs, four trusts, and at least one realistic instance of every problem the rule catalogue looks
 * for (see {@code docs/demo-domain.md}, which lists what is planted for each rule). Every date is relative to the
 * "now" given, and the pseudo-random parts (names, dates) come from a fixed seed: the same "now" gives the same
 * directory. Not thread-safe; write once.
 */
public final class ChExemple {
    public static final DomainNames NAMES = new DomainNames("ch-exemple.local", "CHEXEMPLE",
            "S-1-5-21-1781492830-3216582364-2918472652");
    /** The domain of the 2016 merger, whose SIDs remain in sIDHistory. */
    public static final String OLD_DOMAIN_SID = "S-1-5-21-2091524723-1419236815-3310851162";
    static final String GHT_DOMAIN_SID = "S-1-5-21-3969201875-2282610293-1047393851";
    static final String CHU_DOMAIN_SID = "S-1-5-21-1436578231-2775109458-2560419887";
    static final String INFOGERANCE_DOMAIN_SID = "S-1-5-21-839211507-3320487415-1700124936";

    static final String ROOT_OU = "OU=CH Exemple," + NAMES.domainDn();
    static final String USERS_OU = "OU=Utilisateurs," + ROOT_OU;
    static final String SERVICE_ACCOUNTS_OU = "OU=Comptes de service," + ROOT_OU;
    static final String ADMINS_OU = "OU=Administration," + ROOT_OU;
    static final String GROUPS_OU = "OU=Groupes," + ROOT_OU;
    static final String WORKSTATIONS_OU = "OU=Postes de travail," + ROOT_OU;
    static final String SERVERS_OU = "OU=Serveurs," + ROOT_OU;
    static final String DISABLED_OU = "OU=Comptes desactives," + ROOT_OU;
    /** The read-only account the demonstration collects with. */
    public static final String AUDIT_ACCOUNT_DN = "CN=svc-vigie-audit," + SERVICE_ACCOUNTS_OU;

    /** A hospital service: its code (used in machine and group names), name, head count and LAPS coverage. */
    record Service(String code, String name, int staff, Laps laps, List<String> titles) {}

    /** How a service's workstations are covered by LAPS. */
    enum Laps { WINDOWS, LEGACY, NONE }

    static final List<Service> SERVICES = List.of(
            new Service("URG", "Urgences", 40, Laps.WINDOWS, List.of("Medecin urgentiste", "Infirmier(e) DE",
                    "Aide-soignant(e)", "Cadre de sante", "Secretaire medicale", "Agent d'accueil")),
            new Service("RAD", "Radiologie", 22, Laps.NONE, List.of("Radiologue", "Manipulateur(trice) radio",
                    "Secretaire medicale", "Cadre de sante")),
            new Service("PHA", "Pharmacie", 14, Laps.LEGACY, List.of("Pharmacien(ne)",
                    "Preparateur(trice) en pharmacie", "Interne en pharmacie")),
            new Service("DIM", "DIM", 8, Laps.LEGACY, List.of("Medecin DIM", "Technicien(ne) d'information medicale")),
            new Service("DIR", "Direction", 10, Laps.WINDOWS, List.of("Directeur(trice) adjoint(e)",
                    "Assistant(e) de direction", "Controleur(se) de gestion")),
            new Service("LAB", "Laboratoire", 16, Laps.NONE, List.of("Biologiste", "Technicien(ne) de laboratoire",
                    "Secretaire")),
            new Service("BLOC", "Bloc operatoire", 28, Laps.WINDOWS, List.of("Chirurgien(ne)", "Anesthesiste",
                    "IBODE", "IADE", "Aide-soignant(e)")),
            new Service("CARD", "Cardiologie", 20, Laps.WINDOWS, List.of("Cardiologue", "Infirmier(e) DE",
                    "Aide-soignant(e)", "Secretaire medicale")),
            new Service("PED", "Pediatrie", 18, Laps.WINDOWS, List.of("Pediatre", "Puericultrice",
                    "Auxiliaire de puericulture")),
            new Service("MAT", "Maternite", 18, Laps.WINDOWS, List.of("Gynecologue-obstetricien(ne)", "Sage-femme",
                    "Auxiliaire de puericulture")),
            new Service("GER", "Geriatrie-EHPAD", 26, Laps.WINDOWS, List.of("Geriatre", "Infirmier(e) DE",
                    "Aide-soignant(e)", "Animateur(trice)")),
            new Service("RH", "Ressources humaines", 10, Laps.WINDOWS, List.of("Gestionnaire RH",
                    "Responsable paie", "Chargee de recrutement")),
            new Service("DSI", "Informatique", 9, Laps.LEGACY, List.of("Technicien(ne) support",
                    "Administrateur(trice) systeme", "Chef de projet SI")),
            new Service("ADM", "Admissions", 12, Laps.WINDOWS, List.of("Agent d'admission", "Responsable facturation")),
            new Service("TECH", "Services techniques", 12, Laps.LEGACY, List.of("Technicien(ne) biomedical",
                    "Electricien(ne)", "Responsable securite")));

    private static final String[] FIRST_NAMES = {
        "Camille", "Lea", "Manon", "Chloe", "Emma", "Ines", "Sarah", "Julie", "Laura", "Marion", "Pauline", "Claire",
        "Sophie", "Nathalie", "Isabelle", "Sandrine", "Valerie", "Celine", "Aurelie", "Elodie", "Anne", "Marie",
        "Catherine", "Christine", "Martine", "Sylvie", "Helene", "Agnes", "Delphine", "Emilie", "Lucie", "Charlotte",
        "Thomas", "Nicolas", "Julien", "Maxime", "Antoine", "Alexandre", "Kevin", "Romain", "Guillaume", "Florian",
        "Sebastien", "Mathieu", "Olivier", "Christophe", "Philippe", "Laurent", "Stephane", "Frederic", "David",
        "Eric", "Pascal", "Patrick", "Jerome", "Vincent", "Benoit", "Francois", "Hugo", "Lucas", "Theo", "Paul",
        "Louis", "Arthur", "Karim", "Mehdi", "Yasmine", "Nadia", "Fatima", "Amandine"};
    private static final String[] LAST_NAMES = {
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
        "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
        "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefevre", "Faure", "Andre",
        "Mercier", "Blanc", "Guerin", "Boyer", "Garnier", "Chevalier", "Francois", "Legrand", "Gauthier", "Garcia",
        "Perrin", "Robin", "Clement", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson",
        "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noel", "Meyer", "Dufour", "Meunier", "Brun",
        "Blanchard", "Giraud", "Joly", "Riviere", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez",
        "Gerard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron", "Picard", "Roger",
        "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe", "Bourgeois", "Pierre",
        "Benoit", "Rey", "Leclerc", "Payet", "Rolland", "Leclercq", "Guillaume", "Lecomte"};

    private final Instant now;
    private final ForestSkeleton skeleton;
    private final AdEntries ad;
    private final Random random = new Random(20_261_128L);
    private long nextRid = 1103;
    private final Set<String> samNames = new HashSet<>();
    private final Map<WellKnownGroup, List<String>> wellKnownMembers = new EnumMap<>(WellKnownGroup.class);
    private final Map<String, List<String>> groupMembers = new LinkedHashMap<>();
    private final Map<String, Long> groupRids = new LinkedHashMap<>();
    private final Map<String, String> groupDescriptions = new LinkedHashMap<>();
    private final Map<String, Integer> groupTypes = new LinkedHashMap<>();
    private final Map<String, String> sidsByName = new LinkedHashMap<>();

    public ChExemple(Instant now) {
        this.now = now;
        this.ad = new AdEntries(NAMES, 12_790);
        this.skeleton = new ForestSkeleton(settings(now), ad);
    }

    /**
     * The forest: functional level 2 (2003); one writable DC (DC01, the only one backed up, last on 12 days ago)
     * and two read-only DCs in the remote sites (DC03 on 2012 R2); DNS application partitions recreated 10 days ago
     * and never backed up since; no Recycle Bin; both LAPS schemas.
     */
    public static ForestSettings settings(Instant now) {
        Instant created = now.minus(Duration.ofDays(5_400));
        return new ForestSettings(NAMES, created, 2, 2,
                new DomainPolicy(8, 5, Duration.ofDays(180), 1, 0, 10),
                Optional.of("0000002"), Optional.of(180), false, true, true,
                Optional.of(now.minus(Duration.ofDays(12))), Optional.of(now.minus(Duration.ofDays(10))),
                List.of(new DomainControllerSpec("DC01", "Site-Hopital", 7,
                                UUID.fromString("6f1c3f64-9a8e-4d1b-b7a2-1c2d3e4f5a01"),
                                now.minus(Duration.ofDays(2_100)), false),
                        new DomainControllerSpec("DC02", "Site-CMP", 7,
                                UUID.fromString("6f1c3f64-9a8e-4d1b-b7a2-1c2d3e4f5a02"),
                                now.minus(Duration.ofDays(2_050)), true),
                        new DomainControllerSpec("DC03", "Site-EHPAD", 6,
                                UUID.fromString("6f1c3f64-9a8e-4d1b-b7a2-1c2d3e4f5a03"),
                                now.minus(Duration.ofDays(3_300)), true)));
    }

    public ForestSkeleton skeleton() {
        return skeleton;
    }

    private Instant ago(double days) {
        return now.minus(Duration.ofMinutes(Math.round(days * 24 * 60)));
    }

    /** A random time between {@code minDays} and {@code maxDays} ago. */
    private Instant agoBetween(double minDays, double maxDays) {
        return ago(minDays + random.nextDouble() * (maxDays - minDays));
    }

    private long rid() {
        return nextRid++;
    }

    /** Declares a group (written at the end, once its members are known) and gives it a RID now. */
    private String declareGroup(String name, int groupType, String description) {
        String dn = "CN=" + name + "," + GROUPS_OU;
        long rid = rid();
        groupRids.put(name, rid);
        groupMembers.put(name, new ArrayList<>());
        groupDescriptions.put(name, description);
        groupTypes.put(name, groupType);
        sidsByName.put(name, NAMES.sid(rid));
        return dn;
    }

    private static String groupDn(String name) {
        return "CN=" + name + "," + GROUPS_OU;
    }

    private void member(String group, String dn) {
        List<String> members = groupMembers.get(group);
        if (members == null) {
            throw new IllegalStateException("group " + group + " was not declared");
        }
        members.add(dn);
    }

    private void member(WellKnownGroup group, String dn) {
        wellKnownMembers.computeIfAbsent(group, g -> new ArrayList<>()).add(dn);
    }

    private String uniqueSam(String base) {
        String sam = base.length() > 20 ? base.substring(0, 20) : base;
        int n = 2;
        while (!samNames.add(sam.toLowerCase(Locale.ROOT))) {
            String suffix = Integer.toString(n++);
            sam = (base.length() + suffix.length() > 20 ? base.substring(0, 20 - suffix.length()) : base) + suffix;
        }
        return sam;
    }

    private static String ascii(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9.-]", "")
                .toLowerCase(Locale.ROOT);
    }

    /** A person: cn "Prenom Nom", sAMAccountName prenom.nom, with the directory attributes HR fills in. */
    private AdObject person(String parentDn, String first, String last, String title, String department,
            Instant created) {
        String sam = uniqueSam(ascii(first) + "." + ascii(last));
        String homonym = sam.replaceAll("[^0-9]", "");
        String cn = first + " " + last.toUpperCase(Locale.ROOT) + (homonym.isEmpty() ? "" : " " + homonym);
        long rid = rid();
        AdObject o = ad.user(parentDn, cn, sam, rid, created)
                .set("givenName", first).set("sn", last.toUpperCase(Locale.ROOT)).set("displayName", cn)
                .set("title", title).set("department", department).set("company", "CH Exemple")
                .set("mail", sam + "@ch-exemple.fr");
        sidsByName.put(sam, NAMES.sid(rid));
        return o;
    }

    /** A technical account (service, shared or admin): cn = sAMAccountName. */
    private AdObject account(String parentDn, String sam, String description, Instant created) {
        if (!samNames.add(sam.toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException("duplicate account " + sam);
        }
        long rid = rid();
        sidsByName.put(sam, NAMES.sid(rid));
        return ad.user(parentDn, sam, sam, rid, created).description(description);
    }

    /** Normal activity: logged on in the last two weeks, password changed within the policy's 180 days. */
    private AdObject active(AdObject o, Instant created) {
        Instant pwd = agoBetween(1, 170);
        o.pwdLastSet(pwd.isBefore(created) ? created : pwd);
        return o.lastLogon(agoBetween(0.1, 13));
    }

    /** Writes the whole domain. */
    public void writeTo(EntrySink sink) throws LDAPException {
        skeleton.writeInfrastructure(sink);
        writeOus(sink);
        Map<String, String> computerSids = new LinkedHashMap<>();
        declareGroups();
        writeWellKnownAccounts(sink);
        writeAdministrators(sink);
        writeServiceAccounts(sink);
        writeStaff(sink);
        writeDomainControllers(sink, computerSids);
        writeServers(sink, computerSids);
        writeWorkstations(sink, computerSids);
        writeTrusts(sink);
        writeForeignPrincipals(sink);
        writeGroups(sink);
        skeleton.writeWellKnownGroups(sink, wellKnownMembers);
    }

    private void writeOus(EntrySink sink) throws LDAPException {
        Instant t = skeleton.settings().created().plus(Duration.ofDays(20));
        sink.add(ad.organizationalUnit(NAMES.domainDn(), "CH Exemple", t).description("Centre hospitalier Exemple"));
        for (String ou : List.of("Utilisateurs", "Comptes de service", "Administration", "Groupes", "Postes de travail",
                "Serveurs", "Comptes desactives")) {
            sink.add(ad.organizationalUnit(ROOT_OU, ou, t));
        }
        for (Service s : SERVICES) {
            sink.add(ad.organizationalUnit(USERS_OU, s.name(), t));
            sink.add(ad.organizationalUnit(WORKSTATIONS_OU, s.name(), t));
        }
    }

    private void declareGroups() {
        for (Service s : SERVICES) {
            declareGroup("GG_" + s.name().replace(' ', '_'), AdEntries.GLOBAL_SECURITY, "Personnels du service "
                    + s.name());
        }
        declareGroup("GG_Pharmacie_Preparateurs", AdEntries.GLOBAL_SECURITY, "Preparateurs en pharmacie");
        declareGroup("GG_Tous_Personnels", AdEntries.GLOBAL_SECURITY, "Tous les personnels du CH");
        declareGroup("GS_Admins_Informatique", AdEntries.GLOBAL_SECURITY,
                "Comptes d'administration des techniciens DSI");
        declareGroup("GG_Hotline_DSI", AdEntries.GLOBAL_SECURITY, "Support informatique niveau 1");
        declareGroup("DL_DPI_Utilisateurs", AdEntries.DOMAIN_LOCAL_SECURITY, "Acces au dossier patient informatise");
        declareGroup("DL_PACS_Lecteurs", AdEntries.DOMAIN_LOCAL_SECURITY, "Consultation des images (PACS)");
        declareGroup("DL_Pharma_Prescription", AdEntries.DOMAIN_LOCAL_SECURITY, "Logiciel de circuit du medicament");
        declareGroup("DL_RDS_Utilisateurs", AdEntries.DOMAIN_LOCAL_SECURITY, "Acces bureau a distance (Citrix/RDS)");
        declareGroup("DL_Partage_Direction", AdEntries.DOMAIN_LOCAL_SECURITY, "Partage \\\\SRV-FILE01\\Direction");
        declareGroup("GG_Wifi_Medecins", AdEntries.GLOBAL_SECURITY, "Acces Wi-Fi medecins (NPS)");
    }

    private void writeWellKnownAccounts(EntrySink sink) throws LDAPException {
        // Administrator: password from the first years of the domain, never expires, still used
        sink.add(skeleton.administrator().pwdLastSet(ago(3_480)).lastLogon(ago(21)));
        // Guest enabled "for the waiting-room kiosk" years ago
        sink.add(skeleton.guest().withoutUacFlags(0x2).lastLogon(ago(38)));
        // krbtgt: never reset since the domain was created
        sink.add(skeleton.krbtgt());
        sidsByName.put("Administrator", NAMES.sid(500));
    }

    private void writeAdministrators(EntrySink sink) throws LDAPException {
        String da = WellKnownGroup.DOMAIN_ADMINS.dn(NAMES);
        Instant t;
        // two clean administrators: Protected Users, not delegable, recent passwords
        for (String[] a : new String[][] {{"adm-dsi", "Compte d'administration - Directeur des SI"},
            {"adm-rssi", "Compte d'administration - RSSI"}}) {
            t = ago(900 + random.nextInt(300));
            AdObject o = active(account(ADMINS_OU, a[0], a[1], t), t).withUacFlags(0x100000).adminCount();
            sink.add(o);
            member(WellKnownGroup.DOMAIN_ADMINS, o.dn());
            member(WellKnownGroup.PROTECTED_USERS, o.dn());
        }
        t = ago(2_300);
        AdObject jlefevre = active(account(ADMINS_OU, "adm-jlefevre", "Compte d'administration - J. Lefevre (systeme)",
                t), t).adminCount();
        sink.add(jlefevre);
        member(WellKnownGroup.DOMAIN_ADMINS, jlefevre.dn());
        member(WellKnownGroup.DNS_ADMINS, jlefevre.dn());
        t = ago(1_900);
        sink.add(active(account(ADMINS_OU, "adm-nrobert", "Compte d'administration - N. Robert (reseau)", t), t)
                .withUacFlags(0x10000).adminCount());
        member(WellKnownGroup.DOMAIN_ADMINS, "CN=adm-nrobert," + ADMINS_OU);
        t = ago(2_900);
        sink.add(active(account(ADMINS_OU, "adm-unix",
                "Compte admin integration Kerberos Unix (PACS) - ne pas modifier", t), t)
                .withUacFlags(0x400000 | 0x10000).adminCount());
        member(WellKnownGroup.DOMAIN_ADMINS, "CN=adm-unix," + ADMINS_OU);
        t = ago(2_600);
        sink.add(account(ADMINS_OU, "adm-jmartin", "Depart 2023 - ne pas supprimer (scripts planifies)", t)
                .withUacFlags(0x2).pwdLastSet(ago(1_050)).lastLogon(ago(1_010)).adminCount());
        member(WellKnownGroup.DOMAIN_ADMINS, "CN=adm-jmartin," + ADMINS_OU);
        t = ago(1_700);
        sink.add(account(ADMINS_OU, "adm-prestataire", "Compte prestataire infogerance - intervention migration 2021",
                t).pwdLastSet(ago(1_460)).lastLogon(ago(310)).adminCount());
        member(WellKnownGroup.DOMAIN_ADMINS, "CN=adm-prestataire," + ADMINS_OU);
        // installed Exchange 2013 in 2014; still in Schema Admins
        t = ago(4_300);
        sink.add(account(ADMINS_OU, "adm-exchange", "Installation Exchange 2013", t).withUacFlags(0x10000)
                .pwdLastSet(ago(4_290)).lastLogon(ago(3_900)).adminCount());
        member(WellKnownGroup.SCHEMA_ADMINS, "CN=adm-exchange," + ADMINS_OU);
        member(WellKnownGroup.ENTERPRISE_ADMINS, "CN=adm-exchange," + ADMINS_OU);
        // six technicians' admin accounts, through a nested group into Administrators
        String[] techs = {"adm-pdurand", "adm-smercier", "adm-kbenali", "adm-lcaron", "adm-tfaure", "adm-mrolland"};
        for (String sam : techs) {
            t = ago(200 + random.nextInt(1_500));
            AdObject o = active(account(ADMINS_OU, sam, "Compte d'administration technicien DSI", t), t).adminCount();
            sink.add(o);
            member("GS_Admins_Informatique", o.dn());
        }
        member(WellKnownGroup.ADMINISTRATORS, groupDn("GS_Admins_Informatique"));
        // a former technician whose primary group was set to Domain Admins to "hide" the membership
        t = ago(3_100);
        AdObject hidden = active(account(ADMINS_OU, "tech-info-old", "Ancien compte technicien (ne pas supprimer)", t),
                t).primaryGroup(512).withUacFlags(0x10000).adminCount();
        sink.add(hidden);
        member(WellKnownGroup.DOMAIN_USERS, hidden.dn());
        // the RADIUS server's account, reversible password for CHAP, in Administrators
        t = ago(2_700);
        sink.add(active(account(SERVICE_ACCOUNTS_OU, "svc-nps", "Compte service NPS / RADIUS Wi-Fi (CHAP)", t), t)
                .withUacFlags(0x80 | 0x10000).adminCount());
        member(WellKnownGroup.ADMINISTRATORS, "CN=svc-nps," + SERVICE_ACCOUNTS_OU);
        // operators groups used for delegation of everyday tasks
        // the backup software's account, made a Domain Admin at installation
        t = ago(1_200);
        sink.add(active(account(SERVICE_ACCOUNTS_OU, "svc-veeam", "Compte de service Veeam Backup & Replication", t), t)
                .withUacFlags(0x10000).adminCount());
        member(WellKnownGroup.DOMAIN_ADMINS, "CN=svc-veeam," + SERVICE_ACCOUNTS_OU);
        // the night operator who rotates the tapes, in Backup Operators
        t = ago(2_400);
        sink.add(active(account(ADMINS_OU, "exploit.sauvegarde", "Exploitation de nuit - rotation des bandes", t), t)
                .withUacFlags(0x10000).adminCount());
        member(WellKnownGroup.BACKUP_OPERATORS, "CN=exploit.sauvegarde," + ADMINS_OU);
        t = ago(2_000);
        sink.add(active(account(ADMINS_OU, "tech-impression", "Gestion des files d'impression", t), t).adminCount());
        member(WellKnownGroup.PRINT_OPERATORS, "CN=tech-impression," + ADMINS_OU);
        t = ago(1_600);
        sink.add(active(account(ADMINS_OU, "hotline.dsi", "Compte partage de la hotline (reinitialisation de mots de "
                + "passe)", t), t).withUacFlags(0x10000).adminCount());
        member("GG_Hotline_DSI", "CN=hotline.dsi," + ADMINS_OU);
        member(WellKnownGroup.ACCOUNT_OPERATORS, groupDn("GG_Hotline_DSI"));
        // migration accounts with dangerous SID history
        t = ago(3_650);
        sink.add(account(ADMINS_OU, "adm-migration", "Migration CH Ancien 2016", t).withUacFlags(0x10000)
                .pwdLastSet(ago(3_640)).lastLogon(ago(3_300)).sids("sIDHistory", OLD_DOMAIN_SID + "-512"));
        sink.add(active(account(SERVICE_ACCOUNTS_OU, "svc-migration-ad", "Outil de migration ADMT 2016", t), t)
                .withUacFlags(0x10000).sids("sIDHistory", "S-1-5-32-544", OLD_DOMAIN_SID + "-1108"));
        // left the IT department years ago: adminCount stayed at 1
        t = ago(4_000);
        AdObject girard = active(person("OU=Radiologie," + USERS_OU,
                "Pierre", "Girard", "Manipulateur radio (ancien technicien DSI)", "Radiologie", t), t).adminCount();
        sink.add(girard);
        member("GG_Radiologie", girard.dn());
        member("GG_Tous_Personnels", girard.dn());
        t = ago(3_000);
        sink.add(active(account(SERVICE_ACCOUNTS_OU, "svc-ancien-sccm", "Ancien compte SCCM 2012 (client push)", t), t)
                .withUacFlags(0x10000).adminCount());
    }

    private void writeServiceAccounts(EntrySink sink) throws LDAPException {
        String ou = SERVICE_ACCOUNTS_OU;
        Instant t = ago(1_500);
        sink.add(active(account(ou, "svc-vigie-audit", "Compte de lecture seule pour l'audit Vigie", ago(60)),
                ago(60)).pwdLastSet(ago(20)).lastLogon(ago(1)));
        // the DPI's SQL service account made a Domain Admin "because the installer needed it"
        t = ago(2_200);
        sink.add(account(ou, "svc-sql-dpi", "Service SQL Server du DPI", t).withUacFlags(0x10000)
                .spns("MSSQLSvc/SRV-SQL01.ch-exemple.local:1433", "MSSQLSvc/SRV-SQL01:1433")
                .pwdLastSet(ago(1_830)).lastLogon(ago(2)).adminCount());
        member(WellKnownGroup.DOMAIN_ADMINS, "CN=svc-sql-dpi," + ou);
        // patient portal: protocol transition to the DC's CIFS service
        t = ago(1_300);
        sink.add(active(account(ou, "svc-portail", "Portail patient - authentification Kerberos", t), t)
                .withUacFlags(0x10000 | 0x1000000).spns("HTTP/portail.ch-exemple.local", "HTTP/portail")
                .set("msDS-AllowedToDelegateTo", "cifs/DC01.ch-exemple.local", "cifs/DC01"));
        sink.add(active(account(ou, "svc-pacs", "Service web du PACS", ago(2_400)), ago(2_400)).withUacFlags(0x10000)
                .spns("HTTP/SRV-PACS01.ch-exemple.local", "HTTP/pacs.ch-exemple.local"));
        sink.add(active(account(ou, "svc-dpi", "Serveur d'application du DPI", ago(2_200)), ago(2_200))
                .withUacFlags(0x10000).spns("HTTP/dpi.ch-exemple.local", "HTTP/SRV-DPI01.ch-exemple.local"));
        sink.add(active(account(ou, "svc-backup-sql", "Sauvegarde des bases SQL", ago(1_700)), ago(1_700))
                .withUacFlags(0x10000).spns("MSSQLSvc/SRV-SQL02.ch-exemple.local:1433"));
        // old scanner software that only speaks DES
        sink.add(active(account(ou, "svc-scan-radio", "Numerisation des films - logiciel 2009", ago(5_000)), ago(5_000))
                .withUacFlags(0x200000 | 0x10000));
        sink.add(active(account(ou, "svc-automate-labo", "Interface automates du laboratoire", ago(3_900)), ago(3_900))
                .withUacFlags(0x10000).set("msDS-SupportedEncryptionTypes", 0x3));
        // a Unix client without pre-authentication (AS-REP roastable)
        sink.add(active(account(ou, "svc-labo-unix", "Passerelle Unix du laboratoire (SGL)", ago(3_100)), ago(3_100))
                .withUacFlags(0x400000 | 0x10000));
        for (String[] s : new String[][] {{"svc-wsus", "Service WSUS"}, {"svc-antivirus", "Console antivirus"},
            {"svc-ged", "GED - indexation"}, {"svc-pharma", "Logiciel pharmacie - interface"},
            {"svc-mail-relay", "Relais SMTP des imprimantes"}}) {
            t = ago(600 + random.nextInt(2_500));
            sink.add(active(account(ou, s[0], s[1], t), t).withUacFlags(0x10000));
        }
        // shared and kiosk accounts
        sink.add(active(account(USERS_OU, "medecin.garde", "Compte partage medecin de garde", ago(2_800)), ago(2_800))
                .withUacFlags(0x10000));
        sink.add(active(account(USERS_OU, "borne.accueil", "Borne d'accueil hall principal", ago(1_900)), ago(1_900))
                .withUacFlags(0x20 | 0x10000));
        sink.add(active(account(USERS_OU, "stagiaire.urgences", "Compte stagiaire urgences", ago(700)), ago(700))
                .withUacFlags(0x20));
        sink.add(active(account(USERS_OU, "wifi.medecins", "Compte Wi-Fi medecins (PEAP-CHAP)", ago(2_600)), ago(2_600))
                .withUacFlags(0x80 | 0x10000));
        member("GG_Wifi_Medecins", "CN=wifi.medecins," + USERS_OU);
        for (String sam : List.of("medecin.garde", "borne.accueil", "stagiaire.urgences", "wifi.medecins")) {
            member("GG_Tous_Personnels", "CN=" + sam + "," + USERS_OU);
        }
        // group managed service account (the good way)
        sink.add(ad.groupManagedServiceAccount("gmsa-sccm", rid(), ago(400)).pwdLastSet(ago(9)).lastLogon(ago(1))
                .spns("HTTP/SRV-SCCM01.ch-exemple.local"));
    }

    private void writeStaff(EntrySink sink) throws LDAPException {
        int index = 0;
        int dormantStories = 0;
        boolean primaryGroupPlanted = false;
        String[] dormantWhy = {"Interne - semestre mai 2022", "CDD remplacement ete 2021", "Depart en retraite 2023",
            "Mutation CHU 2022", "Interimaire 2021", "Fin de contrat 2023"};
        for (Service s : SERVICES) {
            String ou = "OU=" + s.name() + "," + USERS_OU;
            String group = "GG_" + s.name().replace(' ', '_');
            for (int i = 0; i < s.staff(); i++, index++) {
                String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
                String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
                String title = s.titles().get(i % s.titles().size());
                boolean dormant = index % 11 == 5;
                boolean neverUsed = !dormant && index % 37 == 3;
                boolean leaver = !dormant && !neverUsed && index % 23 == 7;
                Instant created;
                AdObject o;
                if (dormant) {
                    created = agoBetween(900, 3_000);
                    o = person(ou, first, last, title, s.name(), created).pwdLastSet(agoBetween(700, 890))
                            .lastLogon(agoBetween(200, 690))
                            .description(dormantWhy[dormantStories++ % dormantWhy.length]);
                } else if (neverUsed) {
                    created = agoBetween(35, 150);
                    o = person(ou, first, last, title, s.name(), created).description("Interne - semestre novembre");
                } else if (leaver) {
                    created = agoBetween(800, 4_000);
                    o = person(DISABLED_OU, first, last, title, s.name(), created).withUacFlags(0x2)
                            .pwdLastSet(agoBetween(400, 790)).lastLogon(agoBetween(300, 399))
                            .description("Depart - compte desactive par la DRH");
                } else {
                    created = agoBetween(60, 4_300);
                    o = active(person(ou, first, last, title, s.name(), created), created);
                }
                if (s.code().equals("CARD") && i < 6) {
                    // staff of the 2016 merger keep their old SID in sIDHistory
                    o.sids("sIDHistory", OLD_DOMAIN_SID + "-" + (1187 + i * 13));
                }
                if (s.code().equals("DIR") && !primaryGroupPlanted && !dormant && !neverUsed && !leaver) {
                    primaryGroupPlanted = true;
                    o.primaryGroup((int) (long) groupRids.get(group)).description("Acces Direction (groupe principal "
                            + "modifie pour une application RH)");
                    member(WellKnownGroup.DOMAIN_USERS, o.dn());
                } else if (!leaver) {
                    member(group, o.dn());
                }
                if (s.code().equals("PHA") && title.startsWith("Preparateur")) {
                    member("GG_Pharmacie_Preparateurs", o.dn());
                }
                if (!leaver) {
                    member("GG_Tous_Personnels", o.dn());
                }
                sink.add(o);
            }
        }
    }

    private void writeDomainControllers(EntrySink sink, Map<String, String> sids) throws LDAPException {
        String[][] dcs = {
            {"DC01", "Windows Server 2016 Standard", "10.0 (14393)", "Controleur de domaine principal"},
            {"DC02", "Windows Server 2016 Standard", "10.0 (14393)", "RODC - Centre medico-psychologique"},
            {"DC03", "Windows Server 2012 R2 Standard", "6.3 (9600)", "RODC - EHPAD (site ferme en 2026)"}};
        List<DomainControllerSpec> specs = skeleton.settings().domainControllers();
        int krbtgtNumber = 21_307;
        for (int i = 0; i < dcs.length; i++) {
            DomainControllerSpec spec = specs.get(i);
            long rid = rid();
            sids.put(dcs[i][0], NAMES.sid(rid));
            AdObject dc;
            if (spec.readOnly()) {
                String krbtgt = "CN=krbtgt_" + krbtgtNumber + "," + NAMES.usersDn();
                dc = ad.readOnlyDomainController(dcs[i][0], rid, spec.created(), krbtgt);
                sink.add(ad.readOnlyKrbtgt(krbtgtNumber, spec.computerDn(NAMES), rid(), spec.created()));
                member(WellKnownGroup.DENIED_RODC_PASSWORD_REPLICATION, krbtgt);
                krbtgtNumber += 4_211;
            } else {
                dc = ad.domainController(dcs[i][0], rid, spec.created());
            }
            dc.set("operatingSystem", dcs[i][1]).set("operatingSystemVersion", dcs[i][2]).description(dcs[i][3])
                    .set("serverReferenceBL", spec.serverDn(NAMES));
            if (dcs[i][0].equals("DC03")) {
                // the EHPAD's RODC, switched off when the site closed and never demoted
                dc.pwdLastSet(ago(214)).lastLogon(ago(209));
            } else {
                dc.pwdLastSet(agoBetween(3, 25)).lastLogon(agoBetween(0.1, 2));
            }
            if (dcs[i][0].equals("DC01")) {
                waitingForRbcd.put("DC01", dc); // written once SRV-GED01 has a SID
            } else {
                sink.add(dc);
            }
        }
    }

    /** Objects whose msDS-AllowedToActOnBehalfOfOtherIdentity names a machine made after them. */
    private final Map<String, AdObject> waitingForRbcd = new LinkedHashMap<>();

    private void writeServers(EntrySink sink, Map<String, String> sids) throws LDAPException {
        String[][] servers = {
            {"SRV-DPI01", "Windows Server 2019 Standard", "10.0 (17763)", "Dossier patient informatise - application"},
            {"SRV-DPI02", "Windows Server 2019 Standard", "10.0 (17763)", "Dossier patient informatise - application"},
            {"SRV-SQL01", "Windows Server 2016 Standard", "10.0 (14393)", "SQL Server DPI"},
            {"SRV-SQL02", "Windows Server 2019 Standard", "10.0 (17763)", "SQL Server applications"},
            {"SRV-PACS01", "Windows Server 2019 Standard", "10.0 (17763)", "PACS imagerie"},
            {"SRV-PACS-OLD", "Windows Server 2008 R2 Enterprise", "6.1 (7601)", "Ancien PACS - archives consultables"},
            {"SRV-GED01", "Windows Server 2019 Standard", "10.0 (17763)", "Gestion electronique de documents"},
            {"SRV-PRINT01", "Windows Server 2016 Standard", "10.0 (14393)", "Serveur d'impression"},
            {"SRV-CITRIX01", "Windows Server 2016 Standard", "10.0 (14393)", "Citrix Virtual Apps"},
            {"SRV-CITRIX02", "Windows Server 2019 Standard", "10.0 (17763)", "Citrix Virtual Apps"},
            {"SRV-WEBRH01", "Windows Server 2016 Standard", "10.0 (14393)", "Portail RH (IIS)"},
            {"SRV-INTRANET", "Windows Server 2019 Standard", "10.0 (17763)", "Intranet"},
            {"SRV-LABO01", "Windows Server 2016 Standard", "10.0 (14393)", "SGL laboratoire"},
            {"SRV-PHARMA01", "Windows Server 2019 Standard", "10.0 (17763)", "Circuit du medicament"},
            {"SRV-VEEAM01", "Windows Server 2022 Standard", "10.0 (20348)", "Veeam Backup & Replication"},
            {"SRV-WSUS01", "Windows Server 2019 Standard", "10.0 (17763)", "WSUS"},
            {"SRV-AV01", "Windows Server 2019 Standard", "10.0 (17763)", "Console antivirus"},
            {"SRV-FAX", "Windows Server 2003", "5.2 (3790)", "Serveur de fax (pharmacie)"},
            {"SRV-RDS01", "Windows Server 2022 Standard", "10.0 (20348)", "Bureau a distance"},
            {"SRV-FILE01", "Windows Server 2019 Standard", "10.0 (17763)", "Partages de fichiers"},
            {"SRV-SCCM01", "Windows Server 2022 Standard", "10.0 (20348)", "Configuration Manager"},
            {"SRV-NPS01", "Windows Server 2016 Standard", "10.0 (14393)", "NPS / RADIUS"}};
        for (String[] s : servers) {
            long rid = rid();
            sids.put(s[0], NAMES.sid(rid));
            Instant created = agoBetween(300, 3_600);
            AdObject o = ad.computer(SERVERS_OU, s[0], rid, created).set("operatingSystem", s[1])
                    .set("operatingSystemVersion", s[2]).description(s[3])
                    .pwdLastSet(agoBetween(1, 29)).lastLogon(agoBetween(0.1, 10));
            switch (s[0]) {
                case "SRV-PRINT01", "SRV-CITRIX01", "SRV-VEEAM01" -> o.withUacFlags(0x80000);
                case "SRV-WEBRH01" -> o.set("msDS-AllowedToDelegateTo", "ldap/DC01.ch-exemple.local", "ldap/DC01");
                case "SRV-INTRANET" -> o.set("msDS-AllowedToDelegateTo", "HTTP/SRV-GED01.ch-exemple.local",
                        "HTTP/SRV-GED01");
                case "SRV-FILE01" -> waitingForRbcd.put(s[0], o);
                case "SRV-FAX", "SRV-PACS-OLD" -> o.set("msDS-SupportedEncryptionTypes", 0x4);
                default -> { }
            }
            if (!waitingForRbcd.containsKey(s[0])) {
                sink.add(o);
            }
        }
        // resource-based constrained delegation: legitimate (RDS server -> file server) and dangerous, left on the DC
        // (SRV-GED01$ may impersonate anyone, Domain Admins included, to DC01)
        sink.add(waitingForRbcd.remove("SRV-FILE01").binary("msDS-AllowedToActOnBehalfOfOtherIdentity",
                SecurityDescriptorEncoder.resourceBasedDelegation(sids.get("SRV-RDS01"))));
        sink.add(waitingForRbcd.remove("DC01").binary("msDS-AllowedToActOnBehalfOfOtherIdentity",
                SecurityDescriptorEncoder.resourceBasedDelegation(sids.get("SRV-GED01"))));
    }

    private void writeWorkstations(EntrySink sink, Map<String, String> sids) throws LDAPException {
        int index = 0;
        for (Service s : SERVICES) {
            String ou = "OU=" + s.name() + "," + WORKSTATIONS_OU;
            int count = (int) Math.ceil(s.staff() / 2.2);
            for (int i = 1; i <= count; i++, index++) {
                String name = "PC-" + s.code() + "-" + String.format(Locale.ROOT, "%03d", i);
                long rid = rid();
                sids.put(name, NAMES.sid(rid));
                boolean win11 = random.nextInt(10) < 3;
                AdObject o = ad.computer(ou, name, rid, agoBetween(100, 2_000))
                        .set("operatingSystem", win11 ? "Windows 11 Entreprise" : "Windows 10 Entreprise")
                        .set("operatingSystemVersion", win11 ? "10.0 (22631)" : "10.0 (19045)");
                boolean dormant = index % 13 == 6;
                if (dormant) {
                    o.pwdLastSet(agoBetween(250, 900)).description("Poste remplace - a sortir de l'inventaire");
                    o.lastLogon(agoBetween(200, 249));
                } else {
                    o.pwdLastSet(agoBetween(1, 29)).lastLogon(agoBetween(0.1, 12));
                }
                boolean covered = i % 4 != 0; // a quarter of each covered service escaped the LAPS GPO
                if (covered && s.laps() == Laps.WINDOWS) {
                    o.fileTime("msLAPS-PasswordExpirationTime", now.plus(Duration.ofDays(1 + random.nextInt(29))));
                } else if (covered && s.laps() == Laps.LEGACY) {
                    o.fileTime("ms-Mcs-AdmPwdExpirationTime", now.plus(Duration.ofDays(1 + random.nextInt(29))));
                }
                if (s.code().equals("DIR") && i == 2) {
                    o.primaryGroup((int) (long) groupRids.get("GG_Direction"));
                    member(WellKnownGroup.DOMAIN_COMPUTERS, o.dn());
                }
                sink.add(o);
            }
        }
        // machines still on obsolete systems: imaging and lab devices, ECG station
        String[][] obsolete = {
            {"PC-RAD-ECHO01", "Radiologie", "Windows 7 Professionnel", "6.1 (7601)", "Echographe - poste constructeur"},
            {"PC-LAB-AUTOMATE01", "Laboratoire", "Windows XP Professional", "5.1 (2600)",
                "Pilote automate hematologie"},
            {"PC-CARD-ECG01", "Cardiologie", "Windows 7 Entreprise", "6.1 (7601)", "Station ECG d'effort"}};
        for (String[] o : obsolete) {
            long rid = rid();
            sink.add(ad.computer("OU=" + o[1] + "," + WORKSTATIONS_OU, o[0], rid, agoBetween(2_000, 4_000))
                    .set("operatingSystem", o[2]).set("operatingSystemVersion", o[3]).description(o[4])
                    .set("msDS-SupportedEncryptionTypes", 0x4)
                    .pwdLastSet(agoBetween(1, 29)).lastLogon(agoBetween(0.1, 5)));
        }
        // forgotten in the default container
        sink.add(ad.computer(NAMES.computersDn(), "PC-PORTABLE-07", rid(), ago(1_800))
                .set("operatingSystem", "Windows 10 Professionnel").set("operatingSystemVersion", "10.0 (18363)")
                .pwdLastSet(ago(620)).lastLogon(ago(600)));
        sink.add(ad.computer(NAMES.computersDn(), "TEST-VM", rid(), ago(2_400))
                .set("operatingSystem", "Windows Server 2012 R2 Standard").set("operatingSystemVersion", "6.3 (9600)")
                .pwdLastSet(ago(1_500)).lastLogon(ago(1_480)).description("VM de test migration"));
    }

    private void writeTrusts(EntrySink sink) throws LDAPException {
        // external trust with the GHT's domain, SID filtering (quarantine) removed "so that it works"
        sink.add(ad.trustedDomain("ght-territoire.local", "GHT-TERRITOIRE", GHT_DOMAIN_SID, 3, 2, 0, ago(1_400)));
        // forest trust with the regional university hospital, SID history allowed across it
        sink.add(ad.trustedDomain("chu-regional.local", "CHU-REGIONAL", CHU_DOMAIN_SID, 3, 2, 0x8 | 0x40, ago(2_000)));
        // forest trust with the outsourcing company, TGT delegation enabled
        sink.add(ad.trustedDomain("infogerance-sante.local", "INFOGERANCE", INFOGERANCE_DOMAIN_SID, 3, 2,
                0x8 | 0x800, ago(1_100)));
        // the old domain merged in 2016: inbound, quarantined (the correct setting)
        sink.add(ad.trustedDomain("ch-ancien.local", "CHANCIEN", OLD_DOMAIN_SID, 1, 2, 0x4, ago(3_700)));
        for (String[] a : new String[][] {{"GHT-TERRITOIRE", "1400"}, {"CHU-REGIONAL", "2000"},
            {"INFOGERANCE", "1100"}, {"CHANCIEN", "3700"}}) {
            sink.add(ad.interdomainTrustAccount(a[0], rid(), ago(Integer.parseInt(a[1])))
                    .pwdLastSet(agoBetween(1, 29)));
        }
    }

    private void writeForeignPrincipals(EntrySink sink) throws LDAPException {
        Instant t = ago(1_400);
        // ANONYMOUS LOGON in Pre-Windows 2000 Compatible Access (from the domain's 2003 upgrade)
        sink.add(ad.foreignSecurityPrincipal("S-1-5-7", skeleton.settings().created()));
        member(WellKnownGroup.PRE_WINDOWS_2000, skeleton.foreignPrincipalDn("S-1-5-7"));
        // doctors of the GHT and of the CHU using the DPI
        for (String sid : List.of(GHT_DOMAIN_SID + "-1145", GHT_DOMAIN_SID + "-1209", CHU_DOMAIN_SID + "-513")) {
            sink.add(ad.foreignSecurityPrincipal(sid, t));
            member("DL_DPI_Utilisateurs", skeleton.foreignPrincipalDn(sid));
        }
    }

    private void writeGroups(EntrySink sink) throws LDAPException {
        for (Service s : SERVICES) {
            String g = "GG_" + s.name().replace(' ', '_');
            if (!s.code().matches("RH|DIR|TECH|ADM|DSI")) {
                member("DL_DPI_Utilisateurs", groupDn(g));
            }
        }
        member("DL_PACS_Lecteurs", groupDn("GG_Radiologie"));
        member("DL_PACS_Lecteurs", groupDn("GG_Urgences"));
        member("DL_PACS_Lecteurs", groupDn("GG_Bloc_operatoire"));
        member("DL_Pharma_Prescription", groupDn("GG_Pharmacie"));
        member("DL_RDS_Utilisateurs", groupDn("GG_Tous_Personnels"));
        member("DL_Partage_Direction", groupDn("GG_Direction"));
        // nesting loop: the preparers' group and the pharmacy group contain each other
        member("GG_Pharmacie", groupDn("GG_Pharmacie_Preparateurs"));
        member("GG_Pharmacie_Preparateurs", groupDn("GG_Pharmacie"));
        Instant t = skeleton.settings().created().plus(Duration.ofDays(30));
        for (Map.Entry<String, List<String>> g : groupMembers.entrySet()) {
            String name = g.getKey();
            sink.add(ad.group(GROUPS_OU, name, NAMES.sid(groupRids.get(name)), groupTypes.get(name),
                    t.plus(Duration.ofDays(random.nextInt(2_000)))).description(groupDescriptions.get(name))
                    .members(g.getValue()));
        }
    }
}
