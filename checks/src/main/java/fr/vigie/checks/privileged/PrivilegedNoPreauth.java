package fr.vigie.checks.privileged;

import fr.vigie.snapshot.Uac;

/**
 * Enabled privileged accounts that do not require Kerberos pre-authentication (DONT_REQ_PREAUTH): anyone on the
 * network, without credentials, can obtain data encrypted with their password and crack it offline (AS-REP roasting).
 */
public final class PrivilegedNoPreauth extends EnabledPrivilegedWithFlag {
    public PrivilegedNoPreauth() {
        super(Uac.DONT_REQ_PREAUTH);
    }

    @Override
    public String ruleId() {
        return "privileged-no-preauth";
    }
}
