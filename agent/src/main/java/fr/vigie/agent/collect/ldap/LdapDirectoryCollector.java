package fr.vigie.agent.collect.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchScope;
import fr.vigie.agent.collect.ldap.CollectionException.Reason;
import fr.vigie.agent.collect.ldap.codec.AdTime;
import fr.vigie.agent.collect.ldap.codec.MalformedValueException;
import fr.vigie.agent.collect.ldap.codec.ReplPropertyMetaData;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.CollectionStep;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DcServer;
import fr.vigie.snapshot.DirectoryServiceConfig;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.DomainInfo;
import fr.vigie.snapshot.ForeignPrincipal;
import fr.vigie.snapshot.Group;
import fr.vigie.snapshot.NamingContextMetadata;
import fr.vigie.snapshot.PasswordPolicy;
import fr.vigie.snapshot.Trust;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one domain over LDAP into a {@link DirectorySnapshot}: RootDSE discovery, then one step per
 * {@link fr.vigie.snapshot.DataSource}, streaming paged results straight into snapshot builders.
 *
 * <p>Before the bind, failures throw {@link CollectionException}. After a successful bind nothing throws: a step
 * that fails (size or time limit, referral, lost connection, unreadable value) is recorded as FAILED with the
 * objects read so far, a lost connection is re-established once before the next step (later steps are SKIPPED if
 * that fails), and the snapshot is returned, incomplete. Not thread-safe: one collection at a time per instance.
 *
 * <pre>{@code
 * LdapTarget target = new LdapTarget("dc1.ch-exemple.local", 636, Transport.LDAPS,
 *         new TrustPolicy.TrustStore(Path.of("ca.p12"), Optional.empty()), "audit@ch-exemple.local",
 *         Secret.fromFile(Path.of("audit.pwd")), Optional.empty(), Duration.ofSeconds(10), Duration.ofMinutes(2), 3);
 * DirectorySnapshot snapshot = new LdapDirectoryCollector(target, CollectionProgress.NONE).collect(Instant.now());
 * }</pre>
 */
public final class LdapDirectoryCollector {
    /** Wait before the second connection attempt; doubles for each later one (at most 16 s). */
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    /** Objects of class user that are not computers, plus standalone and group managed service accounts. */
    static final String USERS_FILTER = "(|(&(objectClass=user)(!(objectClass=computer)))"
            + "(objectClass=msDS-ManagedServiceAccount)(objectClass=msDS-GroupManagedServiceAccount))";
    /** Computers, without managed service accounts (which derive from computer). */
    static final String COMPUTERS_FILTER = "(&(objectClass=computer)(!(objectClass=msDS-ManagedServiceAccount))"
            + "(!(objectClass=msDS-GroupManagedServiceAccount)))";

    private final LdapTarget target;
    private final CollectionProgress progress;
    private final LdapConnector.Sleeper sleeper;
    private final Duration firstBackoff;

    /**
     * @param target   where and how to read; not null
     * @param progress receives progress on the collecting thread; not null ({@link CollectionProgress#NONE})
     */
    public LdapDirectoryCollector(LdapTarget target, CollectionProgress progress) {
        this(target, progress, d -> Thread.sleep(d.toMillis()), FIRST_BACKOFF);
    }

    LdapDirectoryCollector(LdapTarget target, CollectionProgress progress, LdapConnector.Sleeper sleeper,
            Duration firstBackoff) {
        this.target = Objects.requireNonNull(target, "target");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.firstBackoff = Objects.requireNonNull(firstBackoff, "firstBackoff");
    }

    /**
     * @param now the collection time recorded in the snapshot (the checks' "now")
     * @return a snapshot; incomplete (failed steps recorded) when something failed after the bind
     * @throws CollectionException when nothing could be collected (unreachable, untrusted, bind refused)
     */
    public DirectorySnapshot collect(Instant now) throws CollectionException {
        Objects.requireNonNull(now, "now");
        LdapConnector connector = new LdapConnector(target, sleeper, firstBackoff);
        try (DirectorySession session = DirectorySession.open(connector)) {
            RootDse rootDse = readRootDse(session);
            String domainDn = target.baseDn().filter(s -> !s.isBlank()).or(rootDse::defaultNamingContext)
                    .orElseThrow(() -> new CollectionException(Reason.ROOT_DSE_UNREADABLE, "the RootDSE of "
                            + target.address() + " has no defaultNamingContext — give the domain DN with --base-dn",
                            null));
            return new Run(session, rootDse, domainDn, now).collect();
        }
    }

    private RootDse readRootDse(DirectorySession session) throws CollectionException {
        progress.stepStarted(DataSource.ROOT_DSE);
        LDAPConnection connection = session.connection().orElseThrow(() -> new CollectionException(
                Reason.ROOT_DSE_UNREADABLE, "the connection to " + target.address() + " closed right after the bind — "
                        + session.unavailableReason(), null));
        try {
            return RootDse.read(connection);
        } catch (LDAPException | MalformedValueException e) {
            throw new CollectionException(Reason.ROOT_DSE_UNREADABLE, "cannot read the RootDSE of " + target.address()
                    + " (" + e.getMessage() + ") — check that this is an Active Directory domain controller", e);
        }
    }

    /** One collection: the steps in order and what they gathered. */
    private final class Run {
        private final DirectorySession session;
        private final RootDse rootDse;
        private final String domainDn;
        private final Instant now;
        private final StepRunner steps;

        private final List<Account> accounts = new ArrayList<>();
        private final List<Group> groups = new ArrayList<>();
        private final List<ForeignPrincipal> foreignPrincipals = new ArrayList<>();
        private final List<Trust> trusts = new ArrayList<>();
        private final List<DcServer> dcServers = new ArrayList<>();
        private final List<NamingContextMetadata> namingContexts = new ArrayList<>();
        private String domainSid = "";
        private Optional<Integer> machineAccountQuota = Optional.empty();
        private PasswordPolicy passwordPolicy = new PasswordPolicy(0, 0, 0, 0, 0);
        private Optional<String> dsHeuristics = Optional.empty();
        private Optional<Integer> tombstoneLifetime = Optional.empty();
        private Optional<Integer> deletedObjectLifetime = Optional.empty();
        private List<String> enabledFeatures = List.of();
        private boolean lapsLegacy;
        private boolean lapsWindows;

        Run(DirectorySession session, RootDse rootDse, String domainDn, Instant now) {
            this.session = session;
            this.rootDse = rootDse;
            this.domainDn = domainDn;
            this.now = now;
            this.steps = new StepRunner(session, progress, target.responseTimeout());
        }

        DirectorySnapshot collect() {
            steps.record(CollectionStep.complete(DataSource.ROOT_DSE, 1));
            steps.run(DataSource.DOMAIN, this::domain);
            steps.run(DataSource.USERS, ctx -> Searches.paged(ctx, domainDn, SearchScope.SUB, filter(USERS_FILTER),
                    e -> accounts.add(EntryMappers.account(e)), EntryMappers.ACCOUNT_ATTRIBUTES));
            steps.run(DataSource.COMPUTERS, ctx -> Searches.paged(ctx, domainDn, SearchScope.SUB,
                    filter(COMPUTERS_FILTER), e -> accounts.add(EntryMappers.account(e)),
                    EntryMappers.ACCOUNT_ATTRIBUTES));
            steps.run(DataSource.GROUPS, ctx -> Searches.paged(ctx, domainDn, SearchScope.SUB,
                    Filter.createEqualityFilter("objectClass", "group"), e -> groups.add(EntryMappers.group(e)),
                    EntryMappers.GROUP_ATTRIBUTES));
            steps.run(DataSource.FOREIGN_PRINCIPALS, ctx -> Searches.paged(ctx, domainDn, SearchScope.SUB,
                    Filter.createEqualityFilter("objectClass", "foreignSecurityPrincipal"),
                    e -> foreignPrincipals.add(EntryMappers.foreignPrincipal(e)),
                    EntryMappers.FOREIGN_PRINCIPAL_ATTRIBUTES));
            steps.run(DataSource.TRUSTS, ctx -> Searches.paged(ctx, domainDn, SearchScope.SUB,
                    Filter.createEqualityFilter("objectClass", "trustedDomain"), e -> trusts.add(EntryMappers.trust(e)),
                    EntryMappers.TRUST_ATTRIBUTES));
            if (rootDse.configurationNc().isEmpty()) {
                String why = "the RootDSE gave no configurationNamingContext — the DC did not expose the configuration "
                        + "partition";
                steps.skip(DataSource.DIRECTORY_SERVICE, why);
                steps.skip(DataSource.OPTIONAL_FEATURES, why);
                steps.skip(DataSource.DOMAIN_CONTROLLERS, why);
            } else {
                steps.run(DataSource.DIRECTORY_SERVICE, this::directoryService);
                steps.run(DataSource.OPTIONAL_FEATURES, this::optionalFeatures);
                steps.run(DataSource.DOMAIN_CONTROLLERS, this::domainControllers);
            }
            steps.run(DataSource.NAMING_CONTEXT_METADATA, this::namingContextMetadata);
            if (rootDse.schemaNc().isEmpty()) {
                steps.skip(DataSource.SCHEMA, "the RootDSE gave no schemaNamingContext");
            } else {
                steps.run(DataSource.SCHEMA, this::schema);
            }
            DomainInfo domain = new DomainInfo(domainDn, EntryMappers.dnsNameOf(domainDn), domainSid,
                    rootDse.domainFunctionality(), rootDse.forestFunctionality(), rootDse.configurationNc(),
                    rootDse.schemaNc(), rootDse.rootDomainNc(), rootDse.dnsHostName(), machineAccountQuota,
                    passwordPolicy, lapsLegacy, lapsWindows);
            DirectoryServiceConfig directoryService = new DirectoryServiceConfig(dsHeuristics, tombstoneLifetime,
                    deletedObjectLifetime, enabledFeatures);
            return new DirectorySnapshot(DirectorySnapshot.SCHEMA_VERSION, now, target.address(), domain, accounts,
                    groups, foreignPrincipals, trusts, directoryService, dcServers, namingContexts, steps.steps());
        }

        private void domain(StepContext ctx) throws StepFailure {
            Entry e = Searches.base(ctx, domainDn, "objectSid", "minPwdLength", "pwdHistoryLength", "maxPwdAge",
                    "pwdProperties", "lockoutThreshold", "ms-DS-MachineAccountQuota")
                    .orElseThrow(() -> StepFailure.of("the domain head " + domainDn + " does not exist on this DC — "
                            + "check --base-dn"));
            try {
                domainSid = Attrs.sid(e, "objectSid").orElseThrow(() -> StepFailure.of("the domain head " + domainDn
                        + " has no objectSid: it is not an AD domain, or the audit account may not read it"));
                passwordPolicy = new PasswordPolicy(Attrs.int32(e, "minPwdLength", 0), Attrs.int32(e, "pwdHistoryLength", 0),
                        AdTime.negativeIntervalToDays(Attrs.integer(e, "maxPwdAge").orElse(0L)),
                        Attrs.int32(e, "pwdProperties", 0), Attrs.int32(e, "lockoutThreshold", 0));
                machineAccountQuota = Attrs.int32(e, "ms-DS-MachineAccountQuota");
            } catch (MalformedValueException ex) {
                throw StepFailure.of("the domain head " + domainDn + " has a value Vigie cannot decode: "
                        + ex.getMessage());
            }
            ctx.counted();
        }

        private void directoryService(StepContext ctx) throws StepFailure {
            String dn = "CN=Directory Service,CN=Windows NT,CN=Services," + rootDse.configurationNc();
            Optional<Entry> entry = Searches.base(ctx, dn, "dSHeuristics", "tombstoneLifetime",
                    "msDS-DeletedObjectLifetime");
            if (entry.isEmpty()) {
                return; // no such entry: every setting has its default
            }
            Entry e = entry.get();
            try {
                dsHeuristics = Attrs.string(e, "dSHeuristics");
                tombstoneLifetime = Attrs.int32(e, "tombstoneLifetime");
                deletedObjectLifetime = Attrs.int32(e, "msDS-DeletedObjectLifetime");
            } catch (MalformedValueException ex) {
                throw StepFailure.of(dn + " has a value Vigie cannot decode: " + ex.getMessage());
            }
            ctx.counted();
        }

        private void optionalFeatures(StepContext ctx) throws StepFailure {
            Optional<Entry> partitions = Searches.base(ctx, "CN=Partitions," + rootDse.configurationNc(),
                    "msDS-EnabledFeature");
            if (partitions.isPresent()) {
                enabledFeatures = Attrs.strings(partitions.get(), "msDS-EnabledFeature");
                ctx.counted();
            }
        }

        private void domainControllers(StepContext ctx) throws StepFailure {
            String sites = "CN=Sites," + rootDse.configurationNc();
            Map<DN, ServerFacts> servers = new LinkedHashMap<>();
            Map<DN, Boolean> ntdsReadOnlyByServer = new LinkedHashMap<>();
            if (Searches.base(ctx, sites, "objectClass").isEmpty()) {
                throw StepFailure.of(sites + " does not exist: this directory has no sites container, so its domain "
                        + "controllers cannot be listed");
            }
            Searches.paged(ctx, sites, SearchScope.SUB, filter("(|(objectClass=server)(objectClass=nTDSDSA)"
                    + "(objectClass=nTDSDSARO))"), e -> {
                        Set<String> classes = lower(Attrs.strings(e, "objectClass"));
                        DN dn = parse(e.getDN());
                        if (classes.contains("server")) {
                            servers.put(dn, new ServerFacts(e.getDN(), siteOf(dn), Attrs.string(e, "dNSHostName"),
                                    Attrs.string(e, "serverReference")));
                        } else {
                            ntdsReadOnlyByServer.merge(dn.getParent(), classes.contains("ntdsdsaro"), Boolean::logicalOr);
                        }
                    }, "objectClass", "dNSHostName", "serverReference");
            for (Map.Entry<DN, ServerFacts> s : servers.entrySet()) {
                Boolean readOnly = ntdsReadOnlyByServer.get(s.getKey());
                ServerFacts f = s.getValue();
                dcServers.add(new DcServer(f.dn(), f.site(), f.dnsHostName(), f.serverReference(), readOnly != null,
                        readOnly != null && readOnly));
            }
        }

        private void namingContextMetadata(StepContext ctx) throws StepFailure {
            Set<String> required = new LinkedHashSet<>();
            required.add(domainDn);
            for (String nc : List.of(rootDse.configurationNc(), rootDse.schemaNc())) {
                if (!nc.isEmpty()) {
                    required.add(nc);
                }
            }
            List<String> dnsPartitions = rootDse.namingContexts().stream().filter(nc -> {
                String l = nc.toLowerCase(Locale.ROOT);
                return l.startsWith("dc=domaindnszones,") || l.startsWith("dc=forestdnszones,");
            }).toList();
            for (String nc : required) {
                Entry e = Searches.base(ctx, nc, "replPropertyMetaData").orElseThrow(() -> StepFailure.of(
                        "the naming context " + nc + " does not exist on this DC"));
                addMetadata(ctx, nc, e);
            }
            for (String nc : dnsPartitions) {
                Optional<Entry> e = Searches.base(ctx, nc, "replPropertyMetaData");
                if (e.isPresent()) {
                    addMetadata(ctx, nc, e.get());
                }
            }
        }

        private void addMetadata(StepContext ctx, String nc, Entry e) throws StepFailure {
            byte[] blob = e.getAttributeValueBytes("replPropertyMetaData");
            if (blob == null) {
                throw StepFailure.of("replPropertyMetaData of " + nc + " was not returned — the audit account may not "
                        + "read it (it is readable by Authenticated Users by default)");
            }
            try {
                namingContexts.add(new NamingContextMetadata(nc, ReplPropertyMetaData.parse(blob)));
            } catch (MalformedValueException ex) {
                throw StepFailure.of("replPropertyMetaData of " + nc + " cannot be decoded: " + ex.getMessage()
                        + " — please report it");
            }
            ctx.counted();
        }

        private void schema(StepContext ctx) throws StepFailure {
            Searches.paged(ctx, rootDse.schemaNc(), SearchScope.ONE,
                    filter("(|(lDAPDisplayName=ms-Mcs-AdmPwd)(lDAPDisplayName=msLAPS-Password))"), e -> {
                        for (String name : Attrs.strings(e, "lDAPDisplayName")) {
                            lapsLegacy |= name.equalsIgnoreCase("ms-Mcs-AdmPwd");
                            lapsWindows |= name.equalsIgnoreCase("msLAPS-Password");
                        }
                    }, "lDAPDisplayName");
        }
    }

    private record ServerFacts(String dn, String site, Optional<String> dnsHostName, Optional<String> serverReference) {}

    /** CN=DC1,CN=Servers,CN=Paris,CN=Sites,... -&gt; Paris. */
    private static String siteOf(DN server) {
        DN servers = server.getParent();
        DN site = servers == null ? null : servers.getParent();
        return site == null || site.getRDN() == null ? "" : site.getRDN().getAttributeValues()[0];
    }

    private static DN parse(String dn) {
        try {
            return new DN(dn);
        } catch (LDAPException e) {
            throw new MalformedValueException("'" + dn + "' is not a DN: " + e.getMessage(), e);
        }
    }

    private static Set<String> lower(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            out.add(v.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static Filter filter(String text) {
        try {
            return Filter.create(text);
        } catch (LDAPException e) {
            throw new IllegalStateException("bad built-in filter " + text, e);
        }
    }
}
