package io.sincro.exchange.interop;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import io.sincro.exchange.Mailbox;
import io.sincro.exchange.MailboxContract;

/**
 * The mailbox promises on a real server of the interop suite, logged in as its user with every
 * right (subclasses: which server, over which wire).
 */
abstract class RealServerContract extends MailboxContract {

    private InteropServers servers;

    /** The mailbox on this subclass's server, for the user {@code servers.fullUser()}. */
    abstract Mailbox mailboxOn(InteropServers servers);

    @BeforeAll
    void findServers() {
        servers = InteropServers.require();
    }

    /** Runs after the contract's own set-up, which made the folders as root. */
    @BeforeEach
    void giveTheFoldersToTheUser() {
        servers.handOver(servers.fullUser());
    }

    @Override
    protected Path storage() {
        return servers.mailbox(servers.fullUser());
    }

    @Override
    protected Mailbox newMailbox() {
        return mailboxOn(servers);
    }
}
