package io.sincro.exchange;

/**
 * An upload was refused because a file already has the final name. Package names are unique, so
 * this is never resolved by overwriting: the caller decides (for instance by comparing content).
 */
public final class PackageAlreadyExistsException extends MailboxException {

    private static final long serialVersionUID = 1L;

    public PackageAlreadyExistsException(String message) {
        super(message, Step.RENAME, false, null, null);
    }
}
