package fr.vigie.checks.testing;

import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.AccountKind;
import fr.vigie.snapshot.CollectionStep;
import fr.vigie.snapshot.ComputerInfo;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DcServer;
import fr.vigie.snapshot.DirectoryServiceConfig;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.DomainInfo;
import fr.vigie.snapshot.ForeignPrincipal;
import fr.vigie.snapshot.Group;
import fr.vigie.snapshot.NamingContextMetadata;
import fr.vigie.snapshot.PasswordPolicy;
import fr.vigie.snapshot.ReplAttributeMetadata;
import fr.vigie.snapshot.Sids;
import fr.vigie.snapshot.Trust;
import fr.vigie.snapshot.Uac;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small, mutable builder of snapshots for check tests. {@link #domain()} starts a complete, clean domain
 * (DC=ch-test,DC=local, SID {@value #DOMAIN_SID}, collected at {@link #AS_OF}) that has the well-known groups and
 * no account; add what the test needs, then {@link #build()}. The clean domain also has two writable domain
 * controllers registered in the configuration partition (dc1, dc2) and its domain, configuration and schema naming
 * contexts backed up one day before {@link #AS_OF}; {@link #withoutDcServers()} and {@link #withoutNamingContexts()}
 * remove them.
 *
 * <pre>
 * var f = SnapshotFixture.domain();
 * var alice = f.user("alice").uac(Uac.NORMAL_ACCOUNT | Uac.DONT_EXPIRE_PASSWORD).add();
 * f.addMember("Domain Admins", alice.dn());
 * List&lt;Evidence&gt; found = CheckHarness.evaluate(new PrivilegedPasswordNeverExpires(), f.build());
 * </pre>
 */
public final class SnapshotFixture {
    public static final String DOMAIN_SID = "S-1-5-21-1000-2000-3000";
    public static final String DOMAIN_DN = "DC=ch-test,DC=local";
    public static final String CONFIG_DN = "CN=Configuration," + DOMAIN_DN;
    public static final Instant AS_OF = Instant.parse("2026-06-01T00:00:00Z");

    private final Map<String, GroupBuilder> groups = new LinkedHashMap<>();
    private final List<Account> accounts = new ArrayList<>();
    private final List<ForeignPrincipal> foreign = new ArrayList<>();
    private final List<Trust> trusts = new ArrayList<>();
    private final List<DcServer> dcServers = new ArrayList<>();
    private final List<NamingContextMetadata> namingContexts = new ArrayList<>();
    private final Set<DataSource> failed = EnumSet.noneOf(DataSource.class);
    private DirectoryServiceConfig directoryService = new DirectoryServiceConfig(Optional.empty(), Optional.empty(),
            Optional.empty(), List.of("CN=Recycle Bin Feature,CN=Optional Features,CN=Directory Service,CN=Windows NT,"
                    + "CN=Services," + CONFIG_DN));
    private int domainFunctionalLevel = 7;
    private int forestFunctionalLevel = 7;
    private Optional<Integer> machineAccountQuota = Optional.of(0);
    private PasswordPolicy passwordPolicy = new PasswordPolicy(12, 24, 0, 1, 5);
    private boolean lapsLegacySchema = false;
    private boolean lapsWindowsSchema = true;
    private int nextRid = 1100;

    private SnapshotFixture() {
        for (String dc : List.of("dc1", "dc2")) {
            String server = "CN=" + dc.toUpperCase(java.util.Locale.ROOT)
                    + ",CN=Servers,CN=Default-First-Site-Name,CN=Sites," + CONFIG_DN;
            dcServers.add(new DcServer(server, "Default-First-Site-Name", Optional.of(dc + ".ch-test.local"),
                    Optional.of("CN=" + dc.toUpperCase(java.util.Locale.ROOT) + ",OU=Domain Controllers," + DOMAIN_DN),
                    true, false));
        }
        for (String nc : List.of(DOMAIN_DN, CONFIG_DN, "CN=Schema," + CONFIG_DN)) {
            namingContexts.add(backedUpNamingContext(nc, daysAgo(1)));
        }
        builtin("Administrators", Sids.ADMINISTRATORS);
        builtin("Account Operators", Sids.ACCOUNT_OPERATORS);
        builtin("Server Operators", Sids.SERVER_OPERATORS);
        builtin("Print Operators", Sids.PRINT_OPERATORS);
        builtin("Backup Operators", Sids.BACKUP_OPERATORS);
        builtin("Replicator", Sids.REPLICATOR);
        builtin("Pre-Windows 2000 Compatible Access", Sids.PRE_WINDOWS_2000);
        domainGroup("Domain Admins", Sids.RID_DOMAIN_ADMINS);
        domainGroup("Domain Users", Sids.RID_DOMAIN_USERS);
        domainGroup("Domain Guests", Sids.RID_DOMAIN_GUESTS);
        domainGroup("Domain Computers", Sids.RID_DOMAIN_COMPUTERS);
        domainGroup("Domain Controllers", Sids.RID_DOMAIN_CONTROLLERS);
        domainGroup("Cert Publishers", Sids.RID_CERT_PUBLISHERS);
        domainGroup("Schema Admins", Sids.RID_SCHEMA_ADMINS);
        domainGroup("Enterprise Admins", Sids.RID_ENTERPRISE_ADMINS);
        domainGroup("Group Policy Creator Owners", Sids.RID_GROUP_POLICY_CREATOR_OWNERS);
        domainGroup("Read-only Domain Controllers", Sids.RID_READONLY_DOMAIN_CONTROLLERS);
        domainGroup("Protected Users", Sids.RID_PROTECTED_USERS);
        domainGroup("Key Admins", Sids.RID_KEY_ADMINS);
        domainGroup("Enterprise Key Admins", Sids.RID_ENTERPRISE_KEY_ADMINS);
        group("DnsAdmins");
    }

    /** A clean, complete domain with the well-known groups and no account. */
    public static SnapshotFixture domain() {
        return new SnapshotFixture();
    }

    /** {@link #AS_OF} minus this many days. */
    public static Instant daysAgo(long days) {
        return AS_OF.minus(Duration.ofDays(days));
    }

    private void builtin(String name, String sid) {
        groups.put(name, new GroupBuilder("CN=" + name + ",CN=Builtin," + DOMAIN_DN, sid, name));
    }

    private void domainGroup(String name, int rid) {
        groups.put(name, new GroupBuilder("CN=" + name + ",CN=Users," + DOMAIN_DN, Sids.of(DOMAIN_SID, rid), name));
    }

    /** Adds (or returns) a custom group of the domain with a fresh RID; returns its DN. */
    public String group(String name) {
        GroupBuilder g = groups.computeIfAbsent(name,
                n -> new GroupBuilder("CN=" + n + ",CN=Users," + DOMAIN_DN, Sids.of(DOMAIN_SID, nextRid++), n));
        return g.dn;
    }

    /** DN of a group added by name (well-known or custom). */
    public String groupDn(String name) {
        GroupBuilder g = groups.get(name);
        if (g == null) {
            throw new IllegalArgumentException("no group " + name + " in fixture");
        }
        return g.dn;
    }

    /** Adds a member DN (account, group or foreign principal) to a group. */
    public SnapshotFixture addMember(String groupName, String memberDn) {
        groupDn(groupName);
        groups.get(groupName).members.add(memberDn);
        return this;
    }

    /** Adds a foreign security principal (e.g. {@link Sids#ANONYMOUS}) and returns its DN. */
    public String foreignPrincipal(String sid) {
        String dn = "CN=" + sid + ",CN=ForeignSecurityPrincipals," + DOMAIN_DN;
        foreign.add(new ForeignPrincipal(dn, sid));
        return dn;
    }

    public AccountBuilder user(String sam) {
        return new AccountBuilder(sam, AccountKind.USER, "CN=" + sam + ",CN=Users," + DOMAIN_DN,
                Uac.NORMAL_ACCOUNT, Sids.RID_DOMAIN_USERS);
    }

    public AccountBuilder computer(String name) {
        return new AccountBuilder(name + "$", AccountKind.COMPUTER, "CN=" + name + ",CN=Computers," + DOMAIN_DN,
                Uac.WORKSTATION_TRUST_ACCOUNT, Sids.RID_DOMAIN_COMPUTERS)
                .computer("Windows 10 Enterprise", "10.0 (19045)", true);
    }

    /** A writable DC computer account (SERVER_TRUST_ACCOUNT|TRUSTED_FOR_DELEGATION, primary group 516). */
    public AccountBuilder domainController(String name) {
        return new AccountBuilder(name + "$", AccountKind.COMPUTER,
                "CN=" + name + ",OU=Domain Controllers," + DOMAIN_DN,
                Uac.SERVER_TRUST_ACCOUNT | Uac.TRUSTED_FOR_DELEGATION, Sids.RID_DOMAIN_CONTROLLERS)
                .computer("Windows Server 2022 Standard", "10.0 (20348)", false);
    }

    public SnapshotFixture trust(Trust trust) {
        trusts.add(trust);
        return this;
    }

    public SnapshotFixture dcServer(DcServer server) {
        dcServers.add(server);
        return this;
    }

    public SnapshotFixture namingContext(NamingContextMetadata nc) {
        namingContexts.add(nc);
        return this;
    }

    /** Removes every naming context, the default ones included. */
    public SnapshotFixture withoutNamingContexts() {
        namingContexts.clear();
        return this;
    }

    /** Removes every DC server object, the default ones included. */
    public SnapshotFixture withoutDcServers() {
        dcServers.clear();
        return this;
    }

    /**
     * Metadata of a naming-context head created 400 days before {@link #AS_OF} (objectClass, version 1) whose last
     * AD-aware backup was at {@code lastBackup} (dSASignature, version 3).
     */
    public static NamingContextMetadata backedUpNamingContext(String dn, Instant lastBackup) {
        String invocation = "6d5fbd3c-62b8-4c6f-9c3a-1f0a5e1b2c3d";
        return new NamingContextMetadata(dn, List.of(
                new ReplAttributeMetadata(0, 1, daysAgo(400), invocation, 4100, 4100),
                new ReplAttributeMetadata(ReplAttributeMetadata.DSA_SIGNATURE, 3, lastBackup, invocation, 90210, 90210)));
    }

    public SnapshotFixture directoryService(DirectoryServiceConfig config) {
        this.directoryService = config;
        return this;
    }

    public SnapshotFixture functionalLevels(int domain, int forest) {
        this.domainFunctionalLevel = domain;
        this.forestFunctionalLevel = forest;
        return this;
    }

    public SnapshotFixture machineAccountQuota(Integer quota) {
        this.machineAccountQuota = Optional.ofNullable(quota);
        return this;
    }

    public SnapshotFixture passwordPolicy(PasswordPolicy policy) {
        this.passwordPolicy = policy;
        return this;
    }

    public SnapshotFixture lapsSchema(boolean legacy, boolean windows) {
        this.lapsLegacySchema = legacy;
        this.lapsWindowsSchema = windows;
        return this;
    }

    /** Marks a collection step as failed (partial data). */
    public SnapshotFixture failed(DataSource source) {
        failed.add(source);
        return this;
    }

    public DirectorySnapshot build() {
        List<Group> builtGroups = groups.values().stream()
                .map(g -> new Group(g.dn, g.sid, g.name, -2147483646, g.members)).toList();
        List<CollectionStep> steps = new ArrayList<>();
        for (DataSource s : DataSource.values()) {
            steps.add(failed.contains(s) ? CollectionStep.failed(s, 0, "planted failure")
                    : CollectionStep.complete(s, 1));
        }
        DomainInfo domain = new DomainInfo(DOMAIN_DN, "ch-test.local", DOMAIN_SID, domainFunctionalLevel,
                forestFunctionalLevel, CONFIG_DN, "CN=Schema," + CONFIG_DN, DOMAIN_DN, "dc1.ch-test.local",
                machineAccountQuota, passwordPolicy, lapsLegacySchema, lapsWindowsSchema);
        return new DirectorySnapshot(DirectorySnapshot.SCHEMA_VERSION, AS_OF, "fixture", domain, accounts,
                builtGroups, foreign, trusts, directoryService, dcServers, namingContexts, steps);
    }

    private static final class GroupBuilder {
        final String dn;
        final String sid;
        final String name;
        final List<String> members = new ArrayList<>();

        GroupBuilder(String dn, String sid, String name) {
            this.dn = dn;
            this.sid = sid;
            this.name = name;
        }
    }

    /** Fluent builder of one account; {@link #add()} puts it in the fixture and returns it. */
    public final class AccountBuilder {
        private String dn;
        private final String sam;
        private AccountKind kind;
        private String sid;
        private int uac;
        private int primaryGroupId;
        private Optional<Instant> pwdLastSet = Optional.of(daysAgo(30));
        private Optional<Instant> lastLogon = Optional.of(daysAgo(1));
        private Optional<Instant> whenCreated = Optional.of(daysAgo(400));
        private int adminCount;
        private List<String> spns = List.of();
        private List<String> sidHistory = List.of();
        private List<String> delegateTo = List.of();
        private List<String> actOnBehalf = List.of();
        private Optional<Integer> encTypes = Optional.empty();
        private Optional<String> description = Optional.empty();
        private Optional<ComputerInfo> computer = Optional.empty();

        private AccountBuilder(String sam, AccountKind kind, String dn, int uac, int primaryGroupId) {
            this.sam = sam;
            this.kind = kind;
            this.dn = dn;
            this.uac = uac;
            this.primaryGroupId = primaryGroupId;
            this.sid = Sids.of(DOMAIN_SID, nextRid++);
        }

        /** Another kind, e.g. GROUP_MANAGED_SERVICE_ACCOUNT for a gMSA built with {@link #user}. */
        public AccountBuilder kind(AccountKind value) { this.kind = value; return this; }
        public AccountBuilder rid(int rid) { this.sid = Sids.of(DOMAIN_SID, rid); return this; }
        public AccountBuilder dn(String value) { this.dn = value; return this; }
        public AccountBuilder uac(int value) { this.uac = value; return this; }
        /** Adds flags to the current userAccountControl. */
        public AccountBuilder flags(int value) { this.uac |= value; return this; }
        public AccountBuilder disabled() { this.uac |= Uac.ACCOUNTDISABLE; return this; }
        public AccountBuilder primaryGroupId(int value) { this.primaryGroupId = value; return this; }
        public AccountBuilder pwdLastSet(Instant value) { this.pwdLastSet = Optional.ofNullable(value); return this; }
        public AccountBuilder lastLogon(Instant value) { this.lastLogon = Optional.ofNullable(value); return this; }
        public AccountBuilder whenCreated(Instant value) { this.whenCreated = Optional.ofNullable(value); return this; }
        public AccountBuilder adminCount(int value) { this.adminCount = value; return this; }
        public AccountBuilder spns(String... values) { this.spns = List.of(values); return this; }
        public AccountBuilder sidHistory(String... values) { this.sidHistory = List.of(values); return this; }
        public AccountBuilder allowedToDelegateTo(String... values) { this.delegateTo = List.of(values); return this; }
        public AccountBuilder allowedToActOnBehalfOf(String... sids) { this.actOnBehalf = List.of(sids); return this; }
        public AccountBuilder encryptionTypes(Integer value) { this.encTypes = Optional.ofNullable(value); return this; }
        public AccountBuilder description(String value) { this.description = Optional.ofNullable(value); return this; }

        public AccountBuilder computer(String os, String osVersion, boolean laps) {
            this.computer = Optional.of(new ComputerInfo(Optional.ofNullable(os), Optional.ofNullable(osVersion),
                    Optional.of(sam.replace("$", "").toLowerCase(java.util.Locale.ROOT) + ".ch-test.local"), laps));
            return this;
        }

        public Account add() {
            Account a = new Account(dn, sid, sam, kind, uac, primaryGroupId, pwdLastSet, lastLogon, whenCreated,
                    adminCount, spns, sidHistory, delegateTo, actOnBehalf, encTypes, description, computer);
            accounts.add(a);
            return a;
        }
    }
}
