package fr.vigie.snapshot.host;

/** What a scanned entry of a backup location is. */
public enum BackupItemKind {
    /** A backup file of a known format (.vbk, .vib, .vbm, .vbr, .bak, .tib, .bkf, ...). */
    FILE,
    /** A backup repository directory (borg: {@code config} with {@code [repository]}; restic: {@code config},
     *  {@code keys/}, {@code data/}); its modification time is the newest of the files inside. */
    REPOSITORY,
    /** A {@code WindowsImageBackup} folder (Windows Server Backup / system image). */
    IMAGE_FOLDER,
    /** A directory of the location (the location itself and the folders holding backups). */
    DIRECTORY,
    /** A file inside a repository that protects it (borg {@code config}, restic {@code keys/*}). */
    REPOSITORY_FILE;

    /** True for what counts as a backup (a file, a repository, an image folder). */
    public boolean isBackup() {
        return this == FILE || this == REPOSITORY || this == IMAGE_FOLDER;
    }
}
