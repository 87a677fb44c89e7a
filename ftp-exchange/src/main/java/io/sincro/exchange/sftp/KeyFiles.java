package io.sincro.exchange.sftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

import io.sincro.exchange.MailboxException;
import io.sincro.exchange.MailboxException.Step;

/** Private key files, which only their owner may read (mode 0600, or 0400). */
final class KeyFiles {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private KeyFiles() {
    }

    /**
     * Refuses a key file that other users of this computer may read or change. On file systems
     * without POSIX permissions (Windows) the folder's access rules are the owner's business.
     */
    static void requireOwnerOnly(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return;
        } catch (IOException e) {
            throw new MailboxException("the permissions of the private key " + file + " (ftp.privateKey) cannot be"
                    + " read (" + e.getMessage() + "); check the file", Step.SETTINGS, false, null, e);
        }
        Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
        open.addAll(permissions);
        open.retainAll(OTHERS);
        if (!open.isEmpty()) {
            throw new MailboxException("the private key " + file + " (ftp.privateKey) can be used by other users of"
                    + " this computer (its permissions are " + PosixFilePermissions.toString(permissions)
                    + "), so it is refused; make it readable by its owner only: chmod 600 " + file,
                    Step.SETTINGS, false, null, null);
        }
    }
}
