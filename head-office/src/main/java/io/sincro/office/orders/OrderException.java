package io.sincro.office.orders;

/** An order could not be exported or given a status; the message says why and what to do. */
public final class OrderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    OrderException(String message) {
        super(message);
    }

    OrderException(String message, Throwable cause) {
        super(message, cause);
    }
}
