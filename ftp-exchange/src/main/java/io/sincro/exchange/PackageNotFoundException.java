package io.sincro.exchange;

/** A file asked for by name is not (or no longer) in the mailbox folder. */
public final class PackageNotFoundException extends MailboxException {

    private static final long serialVersionUID = 1L;

    public PackageNotFoundException(String message, String reply) {
        super(message, Step.READ, false, reply, null);
    }
}
