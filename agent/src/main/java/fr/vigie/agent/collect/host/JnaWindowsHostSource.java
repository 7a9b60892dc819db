package fr.vigie.agent.collect.host;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.WString;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.LMShare;
import com.sun.jna.platform.win32.Netapi32;
import com.sun.jna.platform.win32.W32ServiceManager;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.platform.win32.Winsvc;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link WindowsHostSource} through JNA: {@code NetShareEnum} level 502 (share security descriptors),
 * {@code GetNamedSecurityInfo} (NTFS security descriptors), {@code EnumServicesStatusEx} +
 * {@code QueryServiceConfig} (service start names), {@code HKEY_USERS\*\Network} (mapped drives),
 * {@code NetGetJoinInformation} + {@code GetComputerNameEx(ComputerNameDnsDomain)} (domain membership).
 *
 * <p>Compiled here but never run on the Linux build machine: see docs/backup-host.md for what was verified on
 * Windows and what was not. Every call is read-only. Not thread-safe: one per collection.
 */
final class JnaWindowsHostSource implements WindowsHostSource {
    private static final int MAX_PREFERRED_LENGTH = -1;
    private static final int NERR_SUCCESS = 0;
    private static final int SE_FILE_OBJECT = 1;
    private static final int OWNER_SECURITY_INFORMATION = 0x1;
    private static final int DACL_SECURITY_INFORMATION = 0x4;
    private static final int SERVICE_QUERY_CONFIG = 0x0001;
    private static final int SERVICE_RUNNING = 4;
    private static final int COMPUTER_NAME_DNS_DOMAIN = 2;
    private static final int ERROR_INSUFFICIENT_BUFFER = 122;

    /** The Netapi32 and Advapi32 functions jna-platform does not declare. */
    interface NetApi extends StdCallLibrary {
        NetApi INSTANCE = Native.load("Netapi32", NetApi.class, W32APIOptions.DEFAULT_OPTIONS);

        int NetShareEnum(WString serverName, int level, PointerByReference bufptr, int prefmaxlen,
                         IntByReference entriesRead, IntByReference totalEntries, IntByReference resumeHandle);
    }

    interface ServiceApi extends StdCallLibrary {
        ServiceApi INSTANCE = Native.load("Advapi32", ServiceApi.class, W32APIOptions.DEFAULT_OPTIONS);

        boolean QueryServiceConfig(Winsvc.SC_HANDLE service, Pointer config, int bufSize, IntByReference needed);
    }

    /** QUERY_SERVICE_CONFIGW. */
    @Structure.FieldOrder({"dwServiceType", "dwStartType", "dwErrorControl", "lpBinaryPathName", "lpLoadOrderGroup",
            "dwTagId", "lpDependencies", "lpServiceStartName", "lpDisplayName"})
    public static final class QueryServiceConfig extends Structure {
        public int dwServiceType;
        public int dwStartType;
        public int dwErrorControl;
        public Pointer lpBinaryPathName;
        public Pointer lpLoadOrderGroup;
        public int dwTagId;
        public Pointer lpDependencies;
        public Pointer lpServiceStartName;
        public Pointer lpDisplayName;

        public QueryServiceConfig(Pointer p) {
            super(p);
            read();
        }
    }

    @Override
    public List<RawShare> shares() throws WindowsCallException {
        PointerByReference buf = new PointerByReference();
        IntByReference read = new IntByReference();
        IntByReference total = new IntByReference();
        int rc = NetApi.INSTANCE.NetShareEnum(null, 502, buf, MAX_PREFERRED_LENGTH, read, total,
                new IntByReference());
        if (rc != NERR_SUCCESS) {
            throw new WindowsCallException("NetShareEnum level 502 failed with error " + rc
                    + (rc == 5 ? " (access denied: level 502 needs local administrator rights)" : ""));
        }
        List<RawShare> out = new ArrayList<>();
        try {
            if (read.getValue() == 0) {
                return out;
            }
            LMShare.SHARE_INFO_502 first = new LMShare.SHARE_INFO_502(buf.getValue());
            for (Structure s : first.toArray(read.getValue())) {
                LMShare.SHARE_INFO_502 share = (LMShare.SHARE_INFO_502) s;
                List<String> errors = new ArrayList<>();
                Optional<byte[]> shareSd = Optional.empty();
                if (share.shi502_security_descriptor != null) {
                    int len = Advapi32.INSTANCE.GetSecurityDescriptorLength(share.shi502_security_descriptor);
                    shareSd = Optional.of(share.shi502_security_descriptor.getByteArray(0, len));
                }
                Optional<byte[]> folderSd = Optional.empty();
                long type = Integer.toUnsignedLong(share.shi502_type);
                if ((type & 0xFF) == 0 && share.shi502_path != null && !share.shi502_path.isEmpty()) {
                    try {
                        folderSd = Optional.of(fileSecurityDescriptor(share.shi502_path));
                    } catch (WindowsCallException e) {
                        errors.add("NTFS ACL unreadable: " + e.getMessage());
                    }
                }
                out.add(new RawShare(share.shi502_netname, share.shi502_path == null ? "" : share.shi502_path, type,
                        shareSd, folderSd, errors));
            }
            return out;
        } finally {
            Netapi32.INSTANCE.NetApiBufferFree(buf.getValue());
        }
    }

    @Override
    public byte[] fileSecurityDescriptor(String path) throws WindowsCallException {
        PointerByReference sd = new PointerByReference();
        int rc = Advapi32.INSTANCE.GetNamedSecurityInfo(path, SE_FILE_OBJECT,
                OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION, null, null, null, null, sd);
        if (rc != 0) {
            throw new WindowsCallException("GetNamedSecurityInfo(" + path + ") failed with error " + rc);
        }
        try {
            int len = Advapi32.INSTANCE.GetSecurityDescriptorLength(sd.getValue());
            return sd.getValue().getByteArray(0, len);
        } finally {
            Kernel32.INSTANCE.LocalFree(sd.getValue());
        }
    }

    @Override
    public List<RawService> services() throws WindowsCallException {
        List<RawService> out = new ArrayList<>();
        W32ServiceManager manager = new W32ServiceManager();
        try {
            manager.open(Winsvc.SC_MANAGER_ENUMERATE_SERVICE | Winsvc.SC_MANAGER_CONNECT);
            for (Winsvc.ENUM_SERVICE_STATUS_PROCESS s : manager.enumServicesStatusExProcess(WinNT.SERVICE_WIN32,
                    Winsvc.SERVICE_STATE_ALL, null)) {
                boolean running = s.ServiceStatusProcess.dwCurrentState == SERVICE_RUNNING;
                out.add(new RawService(s.lpServiceName, s.lpDisplayName, running, s.ServiceStatusProcess.dwProcessId,
                        startName(manager, s.lpServiceName)));
            }
            return out;
        } catch (RuntimeException e) {
            throw new WindowsCallException("service enumeration failed: " + e.getMessage());
        } finally {
            manager.close();
        }
    }

    private static String startName(W32ServiceManager manager, String service) {
        Winsvc.SC_HANDLE h = Advapi32.INSTANCE.OpenService(manager.getHandle(), service, SERVICE_QUERY_CONFIG);
        if (h == null) {
            return "";
        }
        try {
            IntByReference needed = new IntByReference();
            ServiceApi.INSTANCE.QueryServiceConfig(h, null, 0, needed);
            if (Native.getLastError() != ERROR_INSUFFICIENT_BUFFER && needed.getValue() == 0) {
                return "";
            }
            try (Memory buf = new Memory(needed.getValue())) {
                if (!ServiceApi.INSTANCE.QueryServiceConfig(h, buf, needed.getValue(), needed)) {
                    return "";
                }
                QueryServiceConfig config = new QueryServiceConfig(buf);
                return config.lpServiceStartName == null ? "" : config.lpServiceStartName.getWideString(0);
            }
        } finally {
            Advapi32.INSTANCE.CloseServiceHandle(h);
        }
    }

    @Override
    public List<RawMappedDrive> mappedDrives() throws WindowsCallException {
        List<RawMappedDrive> out = new ArrayList<>();
        try {
            for (String sid : Advapi32Util.registryGetKeys(WinReg.HKEY_USERS)) {
                String network = sid + "\\Network";
                if (!Advapi32Util.registryKeyExists(WinReg.HKEY_USERS, network)) {
                    continue;
                }
                for (String letter : Advapi32Util.registryGetKeys(WinReg.HKEY_USERS, network)) {
                    String key = network + "\\" + letter;
                    if (Advapi32Util.registryValueExists(WinReg.HKEY_USERS, key, "RemotePath")) {
                        out.add(new RawMappedDrive(sid, letter,
                                Advapi32Util.registryGetStringValue(WinReg.HKEY_USERS, key, "RemotePath")));
                    }
                }
            }
            return out;
        } catch (RuntimeException e) {
            throw new WindowsCallException("reading HKEY_USERS\\*\\Network failed: " + e.getMessage());
        }
    }

    @Override
    public RawJoin joinInformation() throws WindowsCallException {
        PointerByReference name = new PointerByReference();
        IntByReference status = new IntByReference();
        int rc = Netapi32.INSTANCE.NetGetJoinInformation(null, name, status);
        if (rc != NERR_SUCCESS) {
            throw new WindowsCallException("NetGetJoinInformation failed with error " + rc);
        }
        String netbios;
        try {
            netbios = name.getValue() == null ? "" : name.getValue().getWideString(0);
        } finally {
            Netapi32.INSTANCE.NetApiBufferFree(name.getValue());
        }
        char[] dns = new char[256];
        IntByReference size = new IntByReference(dns.length);
        String dnsDomain = Kernel32.INSTANCE.GetComputerNameEx(COMPUTER_NAME_DNS_DOMAIN, dns, size)
                ? new String(dns, 0, size.getValue()) : "";
        return new RawJoin(status.getValue(), netbios, dnsDomain);
    }

    @Override
    public String accountName(String sid) {
        try {
            Advapi32Util.Account a = Advapi32Util.getAccountBySid(sid);
            return a.domain == null || a.domain.isEmpty() ? a.name : a.domain + "\\" + a.name;
        } catch (RuntimeException e) {
            return "";
        }
    }
}
