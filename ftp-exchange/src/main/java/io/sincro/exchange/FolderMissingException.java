package io.sincro.exchange;

/**
 * A mailbox folder does not exist. For an agent's folders this can simply mean that the other
 * side has not published anything yet; {@code sincro check-connection --create} makes them.
 */
public final class FolderMissingException extends MailboxException {

    private static final long serialVersionUID = 1L;

    public FolderMissingException(String message, String reply) {
        super(message, Step.FOLDER, false, reply, null);
    }
}
