package fr.vigie.snapshot.host;

import java.util.ArrayList;
import java.util.List;

/**
 * Windows access-mask bits of files, folders and shares (MS-DTYP 2.4.3, winnt.h) and their display names. Share
 * permissions use the same bits: Full Control = 0x1F01FF, Change = 0x1301BF, Read = 0x1200A9. Stateless.
 */
public final class AccessRights {
    public static final long FILE_READ_DATA = 0x1;
    public static final long FILE_WRITE_DATA = 0x2;
    public static final long FILE_APPEND_DATA = 0x4;
    public static final long FILE_READ_EA = 0x8;
    public static final long FILE_WRITE_EA = 0x10;
    public static final long FILE_EXECUTE = 0x20;
    public static final long FILE_DELETE_CHILD = 0x40;
    public static final long FILE_READ_ATTRIBUTES = 0x80;
    public static final long FILE_WRITE_ATTRIBUTES = 0x100;
    public static final long DELETE = 0x10000;
    public static final long READ_CONTROL = 0x20000;
    public static final long WRITE_DAC = 0x40000;
    public static final long WRITE_OWNER = 0x80000;
    public static final long SYNCHRONIZE = 0x100000;
    public static final long GENERIC_ALL = 0x10000000L;
    public static final long GENERIC_EXECUTE = 0x20000000L;
    public static final long GENERIC_WRITE = 0x40000000L;
    public static final long GENERIC_READ = 0x80000000L;

    public static final long FULL_CONTROL = 0x1F01FF;
    public static final long CHANGE = 0x1301BF;
    public static final long READ = 0x1200A9;

    /** Bits that let a trustee change, replace or delete data, or take control of the object. */
    public static final long ANY_WRITE = FILE_WRITE_DATA | FILE_APPEND_DATA | FILE_DELETE_CHILD | DELETE | WRITE_DAC
            | WRITE_OWNER | GENERIC_WRITE | GENERIC_ALL;
    /** Bits that let a trustee read the content. */
    public static final long ANY_READ = FILE_READ_DATA | GENERIC_READ | GENERIC_ALL;

    private AccessRights() {}

    public static boolean grantsWrite(long mask) {
        return (mask & ANY_WRITE) != 0;
    }

    public static boolean grantsRead(long mask) {
        return (mask & ANY_READ) != 0;
    }

    /** Display names: "FullControl", "Change" or "Read" for the standard sets, else the individual rights. */
    public static List<String> describe(long mask) {
        if ((mask & FULL_CONTROL) == FULL_CONTROL || (mask & GENERIC_ALL) != 0) {
            return List.of("FullControl");
        }
        if ((mask & CHANGE) == CHANGE) {
            return List.of("Change");
        }
        if (mask == READ || mask == (READ & ~SYNCHRONIZE)) {
            return List.of("Read");
        }
        List<String> out = new ArrayList<>();
        add(out, mask, GENERIC_READ, "GenericRead");
        add(out, mask, GENERIC_WRITE, "GenericWrite");
        add(out, mask, GENERIC_EXECUTE, "GenericExecute");
        add(out, mask, FILE_READ_DATA, "ReadData");
        add(out, mask, FILE_WRITE_DATA, "WriteData");
        add(out, mask, FILE_APPEND_DATA, "AppendData");
        add(out, mask, FILE_READ_EA, "ReadExtendedAttributes");
        add(out, mask, FILE_WRITE_EA, "WriteExtendedAttributes");
        add(out, mask, FILE_EXECUTE, "ExecuteFile");
        add(out, mask, FILE_DELETE_CHILD, "DeleteSubdirectoriesAndFiles");
        add(out, mask, FILE_READ_ATTRIBUTES, "ReadAttributes");
        add(out, mask, FILE_WRITE_ATTRIBUTES, "WriteAttributes");
        add(out, mask, DELETE, "Delete");
        add(out, mask, READ_CONTROL, "ReadPermissions");
        add(out, mask, WRITE_DAC, "ChangePermissions");
        add(out, mask, WRITE_OWNER, "TakeOwnership");
        add(out, mask, SYNCHRONIZE, "Synchronize");
        return List.copyOf(out);
    }

    private static void add(List<String> out, long mask, long bit, String name) {
        if ((mask & bit) != 0) {
            out.add(name);
        }
    }
}
