package io.sincro.exchange.ftp;

import java.util.Locale;

import org.apache.commons.net.ProtocolCommandEvent;
import org.apache.commons.net.ProtocolCommandListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the FTP dialogue to the debug log, for diagnosing servers we do not control. The
 * argument of PASS (and ACCT) is replaced, so a password never reaches a log file.
 */
final class ProtocolLog implements ProtocolCommandListener {

    private static final Logger log = LoggerFactory.getLogger("io.sincro.exchange.ftp.protocol");

    private final String server;

    ProtocolLog(String server) {
        this.server = server;
    }

    @Override
    public void protocolCommandSent(ProtocolCommandEvent event) {
        if (log.isDebugEnabled()) {
            log.debug("{} > {}", server, masked(event.getCommand(), event.getMessage()));
        }
    }

    @Override
    public void protocolReplyReceived(ProtocolCommandEvent event) {
        if (log.isDebugEnabled()) {
            log.debug("{} < {}", server, event.getMessage().strip());
        }
    }

    static String masked(String command, String line) {
        String name = command == null ? "" : command.strip().toUpperCase(Locale.ROOT);
        if (name.equals("PASS") || name.equals("ACCT")) {
            return name + " ********";
        }
        return line == null ? name : line.strip();
    }
}
