package fr.vigie.snapshot;

import java.util.ArrayList;
import java.util.List;

/** userAccountControl flags (MS-ADTS 2.2.16) and a readable rendering for evidence. */
public final class Uac {
    public static final int ACCOUNTDISABLE = 0x0002;
    public static final int PASSWD_NOTREQD = 0x0020;
    public static final int ENCRYPTED_TEXT_PWD_ALLOWED = 0x0080;
    public static final int NORMAL_ACCOUNT = 0x0200;
    public static final int INTERDOMAIN_TRUST_ACCOUNT = 0x0800;
    public static final int WORKSTATION_TRUST_ACCOUNT = 0x1000;
    public static final int SERVER_TRUST_ACCOUNT = 0x2000;
    public static final int DONT_EXPIRE_PASSWORD = 0x10000;
    public static final int SMARTCARD_REQUIRED = 0x40000;
    public static final int TRUSTED_FOR_DELEGATION = 0x80000;
    public static final int NOT_DELEGATED = 0x100000;
    public static final int USE_DES_KEY_ONLY = 0x200000;
    public static final int DONT_REQ_PREAUTH = 0x400000;
    public static final int TRUSTED_TO_AUTH_FOR_DELEGATION = 0x1000000;
    public static final int PARTIAL_SECRETS_ACCOUNT = 0x4000000;

    private static final int[] FLAGS = {
        ACCOUNTDISABLE, PASSWD_NOTREQD, ENCRYPTED_TEXT_PWD_ALLOWED, NORMAL_ACCOUNT, INTERDOMAIN_TRUST_ACCOUNT,
        WORKSTATION_TRUST_ACCOUNT, SERVER_TRUST_ACCOUNT, DONT_EXPIRE_PASSWORD, SMARTCARD_REQUIRED,
        TRUSTED_FOR_DELEGATION, NOT_DELEGATED, USE_DES_KEY_ONLY, DONT_REQ_PREAUTH, TRUSTED_TO_AUTH_FOR_DELEGATION,
        PARTIAL_SECRETS_ACCOUNT
    };
    private static final String[] NAMES = {
        "ACCOUNTDISABLE", "PASSWD_NOTREQD", "ENCRYPTED_TEXT_PWD_ALLOWED", "NORMAL_ACCOUNT", "INTERDOMAIN_TRUST_ACCOUNT",
        "WORKSTATION_TRUST_ACCOUNT", "SERVER_TRUST_ACCOUNT", "DONT_EXPIRE_PASSWORD", "SMARTCARD_REQUIRED",
        "TRUSTED_FOR_DELEGATION", "NOT_DELEGATED", "USE_DES_KEY_ONLY", "DONT_REQ_PREAUTH",
        "TRUSTED_TO_AUTH_FOR_DELEGATION", "PARTIAL_SECRETS_ACCOUNT"
    };

    private Uac() {}

    /** e.g. {@code 0x10200 (NORMAL_ACCOUNT|DONT_EXPIRE_PASSWORD)}. */
    public static String describe(int uac) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < FLAGS.length; i++) {
            if ((uac & FLAGS[i]) != 0) {
                names.add(NAMES[i]);
            }
        }
        return "0x" + Integer.toHexString(uac) + " (" + String.join("|", names) + ")";
    }
}
