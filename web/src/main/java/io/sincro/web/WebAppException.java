package io.sincro.web;

/** The pages cannot be served: the sentence says why and what to do. */
public final class WebAppException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    WebAppException(String message, Throwable cause) {
        super(message, cause);
    }
}
