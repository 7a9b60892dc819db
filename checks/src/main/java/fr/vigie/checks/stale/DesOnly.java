package fr.vigie.checks.stale;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Uac;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Enabled accounts restricted to DES for Kerberos: USE_DES_KEY_ONLY in userAccountControl, or a
 * {@code msDS-SupportedEncryptionTypes} whose encryption-type bits are DES only (DES-CBC-CRC 0x1, DES-CBC-MD5 0x2,
 * no RC4 0x4 nor AES 0x8/0x10). DES keys are broken in hours; tickets for these accounts can be cracked.
 */
public final class DesOnly implements Check {
    static final int DES_CBC_CRC = 0x1;
    static final int DES_CBC_MD5 = 0x2;
    static final int RC4_HMAC = 0x4;
    static final int AES128 = 0x8;
    static final int AES256 = 0x10;
    private static final int DES = DES_CBC_CRC | DES_CBC_MD5;
    private static final int ETYPES = DES | RC4_HMAC | AES128 | AES256;

    @Override
    public String ruleId() {
        return "des-only";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.USERS, DataSource.COMPUTERS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return snapshot.accounts().stream()
                .filter(a -> a.enabled() && (a.has(Uac.USE_DES_KEY_ONLY) || desOnlyTypes(a)))
                .map(a -> Evidence.of(a)
                        .with("userAccountControl", Uac.describe(a.userAccountControl()))
                        .with("msDS-SupportedEncryptionTypes",
                                a.supportedEncryptionTypes().map(DesOnly::describeTypes).orElse("not set")))
                .toList();
    }

    private static boolean desOnlyTypes(Account a) {
        return a.supportedEncryptionTypes()
                .map(t -> (t & DES) != 0 && (t & ETYPES & ~DES) == 0)
                .orElse(false);
    }

    /** e.g. {@code 0x3 (DES-CBC-CRC|DES-CBC-MD5)}. */
    static String describeTypes(int types) {
        List<String> names = new ArrayList<>();
        if ((types & DES_CBC_CRC) != 0) {
            names.add("DES-CBC-CRC");
        }
        if ((types & DES_CBC_MD5) != 0) {
            names.add("DES-CBC-MD5");
        }
        if ((types & RC4_HMAC) != 0) {
            names.add("RC4-HMAC");
        }
        if ((types & AES128) != 0) {
            names.add("AES128");
        }
        if ((types & AES256) != 0) {
            names.add("AES256");
        }
        return "0x" + Integer.toHexString(types) + " (" + String.join("|", names) + ")";
    }
}
