package fr.vigie.agent.collect.host;

import fr.vigie.snapshot.host.DomainMembership;
import fr.vigie.snapshot.host.MembershipEvidence;
import fr.vigie.snapshot.host.MembershipSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Linux domain membership from the sources a joined host has: {@code realm list} (realmd), {@code sssd.conf}
 * domains with an AD or IPA provider, Samba {@code security = ads}, and the machine keytab. Each source read is
 * recorded as evidence; the domain name is taken from the first source that gives one (realm, sssd, Samba, keytab).
 * Not thread-safe: one per collection.
 */
final class DomainMembershipProbe {
    /** Membership and what could not be read. */
    record Result(DomainMembership membership, List<String> notes) {}

    private DomainMembershipProbe() {}

    /**
     * @param realmOutput {@code realm list} output when the command ran
     * @param sssdConf    path of sssd.conf
     * @param samba       the Samba configuration when one was read
     * @param keytab      path of the machine keytab
     */
    static Result probe(Optional<String> realmOutput, Path sssdConf, Optional<SambaConfig> samba, Path keytab) {
        List<MembershipEvidence> evidence = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        realmOutput.ifPresent(out -> parseRealm(out, evidence, names));
        if (Files.exists(sssdConf)) {
            try {
                SambaConfig ini = SambaConfig.parse(Files.readAllLines(sssdConf), sssdConf.toString());
                parseSssd(ini, evidence, names);
            } catch (IOException e) {
                notes.add(sssdConf + ": " + TimeBox.describe(e));
            }
        }
        samba.ifPresent(s -> {
            String security = s.global().getOrDefault("security", "").toLowerCase(Locale.ROOT);
            String realm = s.global().getOrDefault("realm", "");
            if (security.equals("ads") || security.equals("domain")) {
                evidence.add(new MembershipEvidence(MembershipSource.SAMBA_ADS,
                        "security = " + security + (realm.isEmpty() ? "" : ", realm = " + realm)));
                if (!realm.isEmpty()) {
                    names.add(realm);
                }
            }
        });
        if (Files.exists(keytab)) {
            try {
                Set<String> realms = KeytabRealms.read(Files.readAllBytes(keytab));
                evidence.add(new MembershipEvidence(MembershipSource.KRB5_KEYTAB,
                        keytab + " holds keys for realm(s) " + String.join(", ", realms)));
                names.addAll(realms);
            } catch (IOException | IllegalArgumentException e) {
                evidence.add(new MembershipEvidence(MembershipSource.KRB5_KEYTAB,
                        keytab + " exists (principals not readable: " + TimeBox.describe(e) + ")"));
            }
        }
        boolean joined = !evidence.isEmpty();
        Optional<String> name = names.stream().filter(n -> !n.isBlank()).findFirst();
        return new Result(new DomainMembership(joined, name, evidence), notes);
    }

    /** {@code realm list}: blocks of "domain" then indented "key: value"; "configured: no" means not joined. */
    static void parseRealm(String output, List<MembershipEvidence> evidence, List<String> names) {
        String domain = null;
        String configured = "";
        String realmName = "";
        List<String[]> blocks = new ArrayList<>();
        for (String line : (output + "\n").split("\n")) {
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                if (domain != null) {
                    blocks.add(new String[] {domain, configured, realmName});
                }
                domain = line.strip();
                configured = "";
                realmName = "";
            } else if (line.contains(":")) {
                String k = line.substring(0, line.indexOf(':')).strip();
                String v = line.substring(line.indexOf(':') + 1).strip();
                if (k.equals("domain-name")) {
                    domain = v;
                } else if (k.equals("configured")) {
                    configured = v;
                } else if (k.equals("realm-name")) {
                    realmName = v;
                }
            }
        }
        if (domain != null) {
            blocks.add(new String[] {domain, configured, realmName});
        }
        for (String[] b : blocks) {
            if (b[1].equals("no")) {
                continue;
            }
            evidence.add(new MembershipEvidence(MembershipSource.REALM, "domain-name: " + b[0]
                    + (b[2].isEmpty() ? "" : ", realm-name: " + b[2]) + (b[1].isEmpty() ? "" : ", configured: " + b[1])));
            names.add(b[0]);
        }
    }

    private static void parseSssd(SambaConfig ini, List<MembershipEvidence> evidence, List<String> names) {
        String configured = ini.section("sssd").getOrDefault("domains", "");
        for (String section : ini.sectionNames()) {
            if (!section.toLowerCase(Locale.ROOT).startsWith("domain/")) {
                continue;
            }
            var params = ini.section(section);
            String provider = params.getOrDefault("id_provider", "");
            if (!provider.equals("ad") && !provider.equals("ipa")) {
                continue;
            }
            String domain = section.substring("domain/".length());
            String adDomain = params.getOrDefault("ad_domain", domain);
            evidence.add(new MembershipEvidence(MembershipSource.SSSD, "[" + section + "] id_provider = " + provider
                    + (configured.isEmpty() ? "" : " (domains = " + configured + ")")));
            names.add(adDomain);
        }
    }
}
