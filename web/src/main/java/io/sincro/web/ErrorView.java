package io.sincro.web;

/** What the error page shows: the status, the key of the sentence saying what to do, and any detail. */
public record ErrorView(int status, String messageKey, String detail) {
}
