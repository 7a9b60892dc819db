package fr.vigie.agent.demo;

import java.util.List;
import java.util.Objects;

/**
 * The names of a single-domain AD forest: DNs of its naming contexts and well-known containers, its DNS and NetBIOS
 * names and its domain SID. Immutable.
 *
 * @param dnsName     e.g. {@code ch-exemple.local}
 * @param netbiosName e.g. {@code CHEXEMPLE}
 * @param domainSid   e.g. {@code S-1-5-21-1004336348-1177238915-682003330}
 */
public record DomainNames(String dnsName, String netbiosName, String domainSid) {
    public DomainNames {
        Objects.requireNonNull(dnsName, "dnsName");
        Objects.requireNonNull(netbiosName, "netbiosName");
        Objects.requireNonNull(domainSid, "domainSid");
        if (dnsName.isBlank() || dnsName.startsWith(".") || dnsName.endsWith(".") || dnsName.contains("..")) {
            throw new IllegalArgumentException("'" + dnsName + "' is not a DNS domain name");
        }
        if (!domainSid.startsWith("S-1-5-21-") || domainSid.split("-").length != 7) {
            throw new IllegalArgumentException("'" + domainSid + "' is not a domain SID (S-1-5-21-x-y-z)");
        }
    }

    /** {@code DC=ch-exemple,DC=local}. */
    public String domainDn() {
        StringBuilder out = new StringBuilder();
        for (String label : dnsName.split("\\.")) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append("DC=").append(label);
        }
        return out.toString();
    }

    public String configurationDn() {
        return "CN=Configuration," + domainDn();
    }

    public String schemaDn() {
        return "CN=Schema," + configurationDn();
    }

    public String domainDnsZonesDn() {
        return "DC=DomainDnsZones," + domainDn();
    }

    public String forestDnsZonesDn() {
        return "DC=ForestDnsZones," + domainDn();
    }

    /** The naming contexts a DC of this single-domain forest holds, domain first. */
    public List<String> namingContexts() {
        return List.of(domainDn(), configurationDn(), schemaDn(), domainDnsZonesDn(), forestDnsZonesDn());
    }

    /** CN=Users container. */
    public String usersDn() {
        return "CN=Users," + domainDn();
    }

    public String builtinDn() {
        return "CN=Builtin," + domainDn();
    }

    public String computersDn() {
        return "CN=Computers," + domainDn();
    }

    public String domainControllersDn() {
        return "OU=Domain Controllers," + domainDn();
    }

    public String systemDn() {
        return "CN=System," + domainDn();
    }

    public String foreignPrincipalsDn() {
        return "CN=ForeignSecurityPrincipals," + domainDn();
    }

    public String managedServiceAccountsDn() {
        return "CN=Managed Service Accounts," + domainDn();
    }

    /** The objectCategory value of a class, e.g. {@code CN=Person,CN=Schema,CN=Configuration,...}. */
    public String category(String classCn) {
        return "CN=" + classCn + "," + schemaDn();
    }

    /** {@code <domainSid>-<rid>}. */
    public String sid(long rid) {
        return domainSid + "-" + rid;
    }

    /** Fully-qualified host name of a machine of the domain: {@code SRV-GED01.ch-exemple.local}. */
    public String fqdn(String host) {
        return host + "." + dnsName;
    }
}
