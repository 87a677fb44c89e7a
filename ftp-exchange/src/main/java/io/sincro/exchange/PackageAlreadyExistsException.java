package io.sincro.exchange;

import java.util.OptionalLong;

/**
 * An upload was refused because a file already has the final name. Package names are unique, so
 * this is never resolved by overwriting: the caller decides (for instance by comparing content).
 */
public final class PackageAlreadyExistsException extends MailboxException {

    private static final long serialVersionUID = 1L;

    private final long size;

    /** @param size the size of the file found under that name, as the mailbox saw it; empty if not a file */
    public PackageAlreadyExistsException(String message, OptionalLong size) {
        super(message, Step.RENAME, false, null, null);
        this.size = size.orElse(-1);
    }

    /**
     * The size of the file found under the name, as the mailbox saw it when it refused: the caller
     * that compares it with its own need not ask the server again. Empty when it is no file.
     */
    public OptionalLong size() {
        return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
    }
}
