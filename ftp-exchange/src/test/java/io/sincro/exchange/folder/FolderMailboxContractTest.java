package io.sincro.exchange.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.sincro.exchange.Mailbox;
import io.sincro.exchange.MailboxContract;

/** The folder mailbox keeps every promise of the FTP mailbox. */
class FolderMailboxContractTest extends MailboxContract {

    private Path root;

    @BeforeAll
    void makeRoot() throws IOException {
        root = Files.createTempDirectory("sincro-folder-mailbox");
    }

    @AfterAll
    void removeRoot() throws IOException {
        deleteContents(root);
        Files.delete(root);
    }

    @Override
    protected Path storage() {
        return root;
    }

    @Override
    protected Mailbox newMailbox() {
        return new FolderMailbox(root, NAMES);
    }
}
