package fr.vigie.checks.delegation;

/**
 * Enabled accounts other than domain controllers allowed, by constrained delegation without protocol transition
 * ({@code msDS-AllowedToDelegateTo} without TRUSTED_TO_AUTH_FOR_DELEGATION), to present the tickets of users to a
 * service of a domain controller: whoever controls the account can act as any user who authenticates to it, towards
 * the DC (LDAP, CIFS, HOST...), which is enough to take over the domain. ANSSI vuln_delegation_a2d2.
 */
public final class ConstrainedDelegationToDc extends DelegationToDc {
    public ConstrainedDelegationToDc() {
        super(WITHOUT_PROTOCOL_TRANSITION);
    }

    @Override
    public String ruleId() {
        return "delegation-constrained-to-dc";
    }
}
