package io.sincro.app.mail;

/** A notice the mail server did not take, said in one sentence: what, which server, what to do. */
public final class MailException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MailException(String message, Throwable cause) {
        super(message, cause);
    }
}
