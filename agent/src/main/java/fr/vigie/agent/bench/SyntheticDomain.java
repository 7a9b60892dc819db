package fr.vigie.agent.bench;

import com.unboundid.ldap.sdk.LDAPException;
import fr.vigie.agent.demo.AdEntries;
import fr.vigie.agent.demo.AdObject;
import fr.vigie.agent.demo.DomainNames;
import fr.vigie.agent.demo.EntrySink;
import fr.vigie.agent.demo.ForestSettings;
import fr.vigie.agent.demo.ForestSettings.DomainControllerSpec;
import fr.vigie.agent.demo.ForestSettings.DomainPolicy;
import fr.vigie.agent.demo.ForestSkeleton;
import fr.vigie.agent.demo.WellKnownGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * A generated domain of about {@code objects} directory objects for the benchmark: 70% users, 25% computers, 5%
 * groups, in a forest built by {@link ForestSkeleton}. Group membership is realistic in shape: most groups have a
 * few dozen members, some a few hundred or more, three are large (up to 12,000, 8,000 and 5,500 members, so that a
 * 150,000-object domain has groups of more than 5,000 members read through range retrieval), a tenth nest other
 * groups; Domain Users membership comes from primaryGroupID. A few percent of the accounts carry the usual
 * problems (dormant, password never expires, SPN, delegation...), so that the checks have evidence to build.
 *
 * <p>Entries are streamed into the sink as they are made: nothing is kept but a few counters. Every value derives
 * from the seed and the object's index (a {@link Random} per object), so generation is reproducible and a member's
 * DN is computed from its index, never looked up. Not thread-safe; write once.
 */
public final class SyntheticDomain {
    public static final DomainNames NAMES = new DomainNames("ght-bench.local", "GHTBENCH",
            "S-1-5-21-3523407111-1780524811-2204571039");
    static final String ROOT_OU = "OU=GHT," + NAMES.domainDn();
    static final int USER_OUS = 24;
    static final int COMPUTER_OUS = 12;
    static final int FIRST_RID = 10_000;
    /** Caps of the three large groups: all users and computers, users, users. */
    static final int[] LARGE_GROUPS = {12_000, 8_000, 5_500};
    private static final long[] STRIDES = {1_000_003L, 1_000_033L, 1_000_037L, 1_000_039L, 1_000_081L};
    private static final String[] FIRST_NAMES = {"Camille", "Lea", "Manon", "Chloe", "Sophie", "Nathalie", "Julie",
        "Thomas", "Nicolas", "Julien", "Maxime", "Antoine", "Laurent", "Eric", "Pascal", "Karim", "Nadia", "Hugo"};
    private static final String[] LAST_NAMES = {"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard",
        "Durand", "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Girard"};
    private static final String[][] WORKSTATION_OS = {
        {"Windows 10 Entreprise", "10.0 (19045)"}, {"Windows 11 Entreprise", "10.0 (22631)"},
        {"Windows 7 Professionnel", "6.1 (7601)"}};
    private static final String[][] SERVER_OS = {
        {"Windows Server 2019 Standard", "10.0 (17763)"}, {"Windows Server 2022 Standard", "10.0 (20348)"},
        {"Windows Server 2016 Standard", "10.0 (14393)"}, {"Windows Server 2008 R2 Enterprise", "6.1 (7601)"}};

    private final int users;
    private final int computers;
    private final int groups;
    private final long seed;
    private final Instant now;
    private final AdEntries ad;
    private final ForestSkeleton skeleton;

    /**
     * @param objects number of users, computers and groups to generate (at least 100); the forest's built-in
     *                objects come on top (about 150)
     * @param seed    everything random derives from it
     * @param now     the dates' reference
     */
    public SyntheticDomain(int objects, long seed, Instant now) {
        if (objects < 100) {
            throw new IllegalArgumentException("a benchmark domain needs at least 100 objects, not " + objects);
        }
        this.users = (int) Math.round(objects * 0.70);
        this.computers = (int) Math.round(objects * 0.25);
        this.groups = objects - users - computers;
        this.seed = seed;
        this.now = now;
        this.ad = new AdEntries(NAMES, 20_000);
        this.skeleton = new ForestSkeleton(settings(now), ad);
    }

    static ForestSettings settings(Instant now) {
        return new ForestSettings(NAMES, now.minus(Duration.ofDays(3_650)), 7, 7,
                new DomainPolicy(12, 24, Duration.ofDays(365), 1, 10, 0), Optional.empty(), Optional.of(180), true,
                false, true, Optional.of(now.minus(Duration.ofHours(20))), Optional.empty(),
                List.of(new DomainControllerSpec("DC1", "Site-Principal", 7,
                                UUID.fromString("0b6e5a41-2f7c-4c1e-9d8a-3e5f6a7b8c01"),
                                now.minus(Duration.ofDays(900)), false),
                        new DomainControllerSpec("DC2", "Site-Secours", 7,
                                UUID.fromString("0b6e5a41-2f7c-4c1e-9d8a-3e5f6a7b8c02"),
                                now.minus(Duration.ofDays(880)), false)));
    }

    public ForestSkeleton skeleton() {
        return skeleton;
    }

    public int users() {
        return users;
    }

    public int computers() {
        return computers;
    }

    public int groups() {
        return groups;
    }

    /** The DN of the account the benchmark binds with (a generated user with a recent logon). */
    public static String auditAccountDn() {
        return "CN=svc-audit,OU=Comptes de service," + ROOT_OU;
    }

    static String userDn(int i) {
        return "CN=" + userName(i) + ",OU=Service" + two(i % USER_OUS) + ",OU=Utilisateurs," + ROOT_OU;
    }

    static String userName(int i) {
        return String.format(Locale.ROOT, "p%07d", i);
    }

    static String computerName(int i) {
        return String.format(Locale.ROOT, "%s%06d", i % 12 == 0 ? "SRV" : "PC", i);
    }

    static String computerDn(int i) {
        return "CN=" + computerName(i) + ",OU=Site" + two(i % COMPUTER_OUS) + ",OU=Ordinateurs," + ROOT_OU;
    }

    static String groupName(int g) {
        return String.format(Locale.ROOT, "GG%05d", g);
    }

    static String groupDn(int g) {
        return "CN=" + groupName(g) + ",OU=Groupes," + ROOT_OU;
    }

    private static String two(int n) {
        return String.format(Locale.ROOT, "%02d", n);
    }

    /** The random source of one object: a function of the seed, the kind of object and its index only. */
    private Random random(int kind, int index) {
        return new Random(seed * 0x9E3779B97F4A7C15L + kind * 0x100000001B3L + index);
    }

    private Instant ago(Random r, double minDays, double maxDays) {
        return now.minus(Duration.ofSeconds((long) ((minDays + r.nextDouble() * (maxDays - minDays)) * 86_400)));
    }

    /** Sizes of the three large groups for this domain. */
    int[] largeGroupSizes() {
        return new int[] {Math.min(users + computers, LARGE_GROUPS[0]), Math.min(users, LARGE_GROUPS[1]),
            Math.min(users, LARGE_GROUPS[2])};
    }

    /** Number of members the ordinary group {@code g} gets (users and computers, nested groups not counted). */
    int memberCount(int g) {
        int[] large = largeGroupSizes();
        if (g < large.length) {
            return large[g];
        }
        Random r = random(3, g);
        int roll = r.nextInt(100);
        int size = roll < 60 ? 2 + r.nextInt(49) : roll < 90 ? 50 + r.nextInt(451) : 500 + r.nextInt(1_001);
        return Math.min(size, users);
    }

    /** Writes the forest, then users, computers and groups. */
    public void writeTo(EntrySink sink) throws LDAPException {
        skeleton.writeInfrastructure(sink);
        Instant t0 = skeleton.settings().created();
        sink.add(ad.organizationalUnit(NAMES.domainDn(), "GHT", t0));
        for (String ou : List.of("Utilisateurs", "Ordinateurs", "Groupes", "Comptes de service")) {
            sink.add(ad.organizationalUnit(ROOT_OU, ou, t0));
        }
        for (int i = 0; i < USER_OUS; i++) {
            sink.add(ad.organizationalUnit("OU=Utilisateurs," + ROOT_OU, "Service" + two(i), t0));
        }
        for (int i = 0; i < COMPUTER_OUS; i++) {
            sink.add(ad.organizationalUnit("OU=Ordinateurs," + ROOT_OU, "Site" + two(i), t0));
        }
        sink.add(skeleton.administrator().pwdLastSet(now.minus(Duration.ofDays(30))).lastLogon(now.minus(
                Duration.ofDays(2))));
        sink.add(skeleton.guest());
        sink.add(skeleton.krbtgt().pwdLastSet(now.minus(Duration.ofDays(90))));
        sink.add(ad.user("OU=Comptes de service," + ROOT_OU, "svc-audit", "svc-audit", 9_999, now.minus(
                Duration.ofDays(40))).lastLogon(now.minus(Duration.ofDays(1))));
        long rid = 1_103;
        for (DomainControllerSpec dc : skeleton.settings().domainControllers()) {
            sink.add(ad.domainController(dc.name(), rid++, dc.created()).set("operatingSystem",
                    "Windows Server 2022 Standard").set("operatingSystemVersion", "10.0 (20348)")
                    .pwdLastSet(now.minus(Duration.ofDays(10))).lastLogon(now.minus(Duration.ofHours(5))));
        }
        for (int i = 0; i < users; i++) {
            sink.add(user(i));
        }
        for (int i = 0; i < computers; i++) {
            sink.add(computer(i));
        }
        for (int g = 0; g < groups; g++) {
            sink.add(group(g));
        }
        Map<WellKnownGroup, List<String>> privileged = new EnumMap<>(WellKnownGroup.class);
        List<String> admins = new ArrayList<>();
        for (int i = 0; i < Math.min(users, 12); i++) {
            admins.add(userDn(i * 7));
        }
        privileged.put(WellKnownGroup.DOMAIN_ADMINS, admins);
        privileged.put(WellKnownGroup.BACKUP_OPERATORS, List.of(userDn(users - 1)));
        privileged.put(WellKnownGroup.PROTECTED_USERS, admins.subList(0, Math.min(3, admins.size())));
        skeleton.writeWellKnownGroups(sink, privileged);
    }

    private AdObject user(int i) {
        Random r = random(1, i);
        Instant created = ago(r, 30, 3_000);
        String first = FIRST_NAMES[r.nextInt(FIRST_NAMES.length)];
        String last = LAST_NAMES[r.nextInt(LAST_NAMES.length)];
        String name = userName(i);
        AdObject o = ad.user(userDn(i).substring(userDn(i).indexOf(',') + 1), name, name, FIRST_RID + i, created)
                .set("givenName", first).set("sn", last.toUpperCase(Locale.ROOT))
                .set("displayName", first + " " + last.toUpperCase(Locale.ROOT))
                .set("department", "Service " + two(i % USER_OUS)).set("title", "Agent hospitalier")
                .set("mail", name + "@ght-bench.fr");
        int roll = r.nextInt(1_000);
        if (roll < 60) {
            // dormant
            o.pwdLastSet(ago(r, 400, 900)).lastLogon(ago(r, 200, 399));
        } else if (roll < 80) {
            // disabled leaver
            o.withUacFlags(0x2).pwdLastSet(ago(r, 300, 600)).lastLogon(ago(r, 250, 299));
        } else if (roll < 90) {
            // never logged on
            Instant when = created.isAfter(now.minus(Duration.ofDays(40))) ? created : ago(r, 40, 90);
            o.pwdLastSet(when);
        } else {
            Instant pwd = ago(r, 1, 300);
            o.pwdLastSet(pwd.isBefore(created) ? created : pwd).lastLogon(ago(r, 0.1, 14));
        }
        if (r.nextInt(100) < 3) {
            o.withUacFlags(0x10000).description("Compte partage");
        }
        if (r.nextInt(1_000) < 4) {
            o.spns("HTTP/app" + i + ".ght-bench.local").description("Compte de service applicatif");
        }
        if (r.nextInt(2_000) < 1) {
            o.withUacFlags(0x400000);
        }
        return o;
    }

    private AdObject computer(int i) {
        Random r = random(2, i);
        String name = computerName(i);
        boolean server = name.startsWith("SRV");
        String[] os = server ? SERVER_OS[r.nextInt(100) < 95 ? r.nextInt(3) : 3]
                : WORKSTATION_OS[r.nextInt(100) < 97 ? r.nextInt(2) : 2];
        String dn = computerDn(i);
        AdObject o = ad.computer(dn.substring(dn.indexOf(',') + 1), name, FIRST_RID + users + i, ago(r, 30, 2_500))
                .set("operatingSystem", os[0]).set("operatingSystemVersion", os[1]);
        if (r.nextInt(100) < 6) {
            o.pwdLastSet(ago(r, 200, 700)).lastLogon(ago(r, 190, 199));
        } else {
            o.pwdLastSet(ago(r, 1, 29)).lastLogon(ago(r, 0.1, 10));
        }
        if (!server && r.nextInt(100) < 85) {
            o.fileTime("msLAPS-PasswordExpirationTime", now.plus(Duration.ofDays(1 + r.nextInt(29))));
        }
        if (server && r.nextInt(100) < 2) {
            o.withUacFlags(0x80000);
        }
        return o;
    }

    private AdObject group(int g) {
        Random r = random(3, g);
        int size = memberCount(g);
        List<String> members = new ArrayList<>(size + 2);
        boolean withComputers = g == 0 || (g >= LARGE_GROUPS.length && r.nextInt(100) < 20);
        int population = withComputers ? users + computers : users;
        long stride = STRIDES[g % STRIDES.length];
        for (int k = 1; population % stride == 0; k++) {
            stride = STRIDES[(g + k) % STRIDES.length];
        }
        long start = r.nextInt(population);
        for (int j = 0; j < size; j++) {
            int k = (int) ((start + j * stride) % population);
            members.add(k < users ? userDn(k) : computerDn(k - users));
        }
        if (g > LARGE_GROUPS.length && r.nextInt(100) < 10) {
            // nests one or two groups of lower index: no loop
            int nested = 1 + r.nextInt(2);
            for (int n = 0; n < nested; n++) {
                String dn = groupDn(LARGE_GROUPS.length + r.nextInt(g - LARGE_GROUPS.length));
                if (!members.contains(dn)) {
                    members.add(dn);
                }
            }
        }
        Instant created = ago(r, 100, 3_000);
        return ad.group("OU=Groupes," + ROOT_OU, groupName(g), NAMES.sid(FIRST_RID + users + computers + g),
                r.nextInt(100) < 70 ? AdEntries.GLOBAL_SECURITY : AdEntries.DOMAIN_LOCAL_SECURITY, created)
                .description(g < LARGE_GROUPS.length ? "Groupe transverse " + g : "Groupe applicatif " + g)
                .members(members);
    }
}
