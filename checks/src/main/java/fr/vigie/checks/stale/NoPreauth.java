package fr.vigie.checks.stale;

import fr.vigie.snapshot.Uac;

/**
 * Enabled accounts with DONT_REQ_PREAUTH: anyone on the network can ask the domain controller for data encrypted
 * with their password (AS-REP roasting) and crack it offline, without any account.
 */
public final class NoPreauth extends EnabledAccountsWithFlag {
    public NoPreauth() {
        super(Uac.DONT_REQ_PREAUTH);
    }

    @Override
    public String ruleId() {
        return "no-preauth";
    }
}
