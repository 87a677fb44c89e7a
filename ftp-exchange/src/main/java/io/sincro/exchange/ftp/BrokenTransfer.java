package io.sincro.exchange.ftp;

import java.io.IOException;

/**
 * A transfer did not move the bytes it should have: it stalled past the data timeout, or ended
 * with fewer bytes than the file has. Always worth another attempt.
 */
final class BrokenTransfer extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param outcome how the transfer went wrong, as the end of a sentence ("stalled: ...") */
    BrokenTransfer(String outcome, Throwable cause) {
        super(outcome, cause);
    }
}
