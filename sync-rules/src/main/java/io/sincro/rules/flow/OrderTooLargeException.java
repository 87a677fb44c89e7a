package io.sincro.rules.flow;

/**
 * An agent's order holds more lines than one package may carry: it can never travel as it is, so the
 * agent's sync writes nothing and says how to split it.
 */
public final class OrderTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    OrderTooLargeException(String message) {
        super(message);
    }
}
