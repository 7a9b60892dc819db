package fr.vigie.agent.collect.host;

import java.util.List;
import java.util.Optional;

/**
 * The Windows calls the host collector needs, behind a small interface so that the decisions made on their results
 * ({@link WindowsRecords}) are tested on recorded structures: nothing here can run on the Linux build machine. The
 * implementation is {@link JnaWindowsHostSource}. Each method throws {@link WindowsCallException} naming the call
 * and its error code when the call fails.
 */
interface WindowsHostSource {
    /** One share as {@code NetShareEnum} level 502 returns it, with the raw security descriptors. */
    record RawShare(String name, String path, long type, Optional<byte[]> shareSecurityDescriptor,
                    Optional<byte[]> folderSecurityDescriptor, List<String> errors) {}

    /** One service with its {@code QueryServiceConfig} start name. */
    record RawService(String name, String displayName, boolean running, int pid, String startName) {}

    /** One mapped drive: {@code HKEY_USERS\<sid>\Network\<letter>\RemotePath}. */
    record RawMappedDrive(String userSid, String letter, String remotePath) {}

    /** {@code NetGetJoinInformation}: status (3 = domain) and NetBIOS name; plus the DNS domain name. */
    record RawJoin(int status, String netbiosName, String dnsDomain) {}

    /** Thrown when a Windows call fails; the message names the call and the error. */
    final class WindowsCallException extends Exception {
        private static final long serialVersionUID = 1L;

        WindowsCallException(String message) {
            super(message);
        }
    }

    List<RawShare> shares() throws WindowsCallException;

    List<RawService> services() throws WindowsCallException;

    List<RawMappedDrive> mappedDrives() throws WindowsCallException;

    RawJoin joinInformation() throws WindowsCallException;

    /** The self-relative security descriptor (owner + DACL) of a file or folder. */
    byte[] fileSecurityDescriptor(String path) throws WindowsCallException;

    /** The account name of a SID ("BUILTIN\Users"), or an empty string when it cannot be resolved. */
    String accountName(String sid);
}
