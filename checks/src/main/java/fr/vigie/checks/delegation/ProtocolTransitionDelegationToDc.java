package fr.vigie.checks.delegation;

/**
 * Enabled accounts other than domain controllers with constrained delegation and protocol transition
 * (TRUSTED_TO_AUTH_FOR_DELEGATION, "use any authentication protocol") towards a service of a domain controller: with
 * S4U2Self the account obtains, without any user taking part, a ticket in the name of any user (a domain admin) for
 * that DC service. Whoever controls the account controls the domain. ANSSI vuln_delegation_t2a4d.
 */
public final class ProtocolTransitionDelegationToDc extends DelegationToDc {
    public ProtocolTransitionDelegationToDc() {
        super(WITH_PROTOCOL_TRANSITION);
    }

    @Override
    public String ruleId() {
        return "delegation-protocol-transition-to-dc";
    }
}
