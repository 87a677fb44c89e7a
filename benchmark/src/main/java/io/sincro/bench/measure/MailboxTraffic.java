package io.sincro.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.exchange.server.ServerEvent;

/**
 * Bytes stored on and retrieved from the embedded mailbox server, from its events: at the end of
 * an upload (still under its temporary name) or a download, the file's size on the server's disk.
 * Listings and the FTP dialogue itself are not counted: they are small and the same for any size.
 *
 * <p>The server reports a transfer after it has answered it, so a client may hear "226" before
 * the event is counted; the count is complete once the client has logged out (the server answers
 * QUIT only after finishing the session's earlier commands). The sync engine logs out at the end
 * of every sync, before a run's figures are read.
 */
final class MailboxTraffic implements Consumer<ServerEvent> {

    private static final Logger log = LoggerFactory.getLogger(MailboxTraffic.class);

    private final Path root;
    private final LongAdder uploaded = new LongAdder();
    private final LongAdder downloaded = new LongAdder();

    MailboxTraffic(Path root) {
        this.root = root;
    }

    /** Called on the server's threads, before the client hears that its transfer ended. */
    @Override
    public void accept(ServerEvent event) {
        switch (event.action()) {
            case "stored" -> uploaded.add(size(event.path()));
            case "retrieved" -> downloaded.add(size(event.path()));
            default -> {
                // logins, renames, deletions and folders move no package bytes
            }
        }
    }

    void reset() {
        uploaded.reset();
        downloaded.reset();
    }

    long uploaded() {
        return uploaded.sum();
    }

    long downloaded() {
        return downloaded.sum();
    }

    private long size(String serverPath) {
        Path file = root.resolve(serverPath.replaceFirst("^/+", ""));
        try {
            return Files.size(file);
        } catch (IOException e) {
            log.warn("could not count the bytes of {}: {}", file, e.toString());
            return 0;
        }
    }
}
