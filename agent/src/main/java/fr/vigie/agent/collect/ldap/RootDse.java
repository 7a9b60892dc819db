package fr.vigie.agent.collect.ldap;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.List;
import java.util.Optional;

/**
 * What the RootDSE of the DC says about the forest. Immutable.
 *
 * @param defaultNamingContext {@code defaultNamingContext}
 * @param configurationNc      {@code configurationNamingContext} (empty string when absent)
 * @param schemaNc             {@code schemaNamingContext}
 * @param rootDomainNc         {@code rootDomainNamingContext}
 * @param domainFunctionality  {@code domainFunctionality} (0 when absent)
 * @param forestFunctionality  {@code forestFunctionality}
 * @param dnsHostName          {@code dnsHostName}
 * @param namingContexts       {@code namingContexts}
 */
record RootDse(Optional<String> defaultNamingContext, String configurationNc, String schemaNc, String rootDomainNc,
        int domainFunctionality, int forestFunctionality, String dnsHostName, List<String> namingContexts) {
    static final String[] ATTRIBUTES = {
        "defaultNamingContext", "configurationNamingContext", "schemaNamingContext", "rootDomainNamingContext",
        "domainFunctionality", "forestFunctionality", "dnsHostName", "namingContexts"
    };

    /**
     * @throws LDAPException when the search fails or returns no entry
     * @throws fr.vigie.agent.collect.ldap.codec.MalformedValueException when a functionality level is not a number
     */
    static RootDse read(LDAPConnection connection) throws LDAPException {
        SearchResult result = connection.search(new SearchRequest("", SearchScope.BASE, "(objectClass=*)", ATTRIBUTES));
        if (result.getEntryCount() == 0) {
            throw new LDAPException(com.unboundid.ldap.sdk.ResultCode.NO_SUCH_OBJECT, "the RootDSE returned no entry");
        }
        Entry e = result.getSearchEntries().get(0);
        return new RootDse(Attrs.string(e, "defaultNamingContext"), Attrs.string(e, "configurationNamingContext").orElse(""),
                Attrs.string(e, "schemaNamingContext").orElse(""), Attrs.string(e, "rootDomainNamingContext").orElse(""),
                Attrs.int32(e, "domainFunctionality", 0), Attrs.int32(e, "forestFunctionality", 0),
                Attrs.string(e, "dnsHostName").orElse(""), Attrs.strings(e, "namingContexts"));
    }
}
