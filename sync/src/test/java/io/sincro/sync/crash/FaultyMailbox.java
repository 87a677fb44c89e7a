package io.sincro.sync.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;

import io.sincro.exchange.Folder;
import io.sincro.testing.LoopbackMailbox;

/**
 * A real FTP server (Apache FtpServer, as {@code sincro mailbox serve} runs it) on 127.0.0.1,
 * serving a folder with the mailbox folders in it, that a test can tell to refuse a command or to
 * stop at one. {@code MailboxServer}, which the other tests' {@code LoopbackMailbox} serves, takes
 * no ftplet of ours, and the precise moments these tests need (between a package's upload and its
 * rename; a server that will not delete) are decided on the server, where a real one would decide
 * them.
 */
final class FaultyMailbox implements AutoCloseable {

    static final String USER = "sincro";
    static final String PASSWORD = "crash-test-mailbox";

    /** What happens when a command matches: refused with a reply, or held while the test acts. */
    private record Rule(String command, Predicate<String> argument, Runnable action, FtpReply refusal) {
    }

    private final Path root;
    private final FtpServer server;
    private final Listener listener;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    FaultyMailbox(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            for (Folder folder : Folder.headOfficeFolders()) {
                Files.createDirectories(this.root.resolve(folder.path()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ListenerFactory listenerFactory = new ListenerFactory();
        listenerFactory.setServerAddress("127.0.0.1");
        listenerFactory.setPort(0);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setActiveEnabled(false);
        listenerFactory.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        listener = listenerFactory.createListener();
        FtpServerFactory factory = new FtpServerFactory();
        factory.addListener("default", listener);
        factory.setUserManager(user(this.root));
        // a mutable map: the server clears it when it stops
        factory.setFtplets(new HashMap<>(Map.of("rules", new Rules())));
        server = factory.createServer();
        try {
            server.start();
        } catch (FtpException e) {
            throw new IllegalStateException("the test's FTP server did not start", e);
        }
    }

    private static UserManager user(Path root) {
        UserManager users = new PropertiesUserManagerFactory().createUserManager();
        BaseUser user = new BaseUser();
        user.setName(USER);
        user.setPassword(PASSWORD);
        user.setHomeDirectory(root.toString());
        user.setAuthorities(List.<Authority>of(new WritePermission()));
        try {
            users.save(user);
        } catch (FtpException e) {
            throw new IllegalStateException(e);
        }
        return users;
    }

    int port() {
        return listener.getPort();
    }

    /**
     * From now on, {@code command} (STOR, DELE, ...) on a file whose name matches is refused with a
     * permanent 550 reply, as a server without that right answers.
     */
    void refuse(String command, Predicate<String> fileName) {
        rules.add(new Rule(command, fileName, () -> { }, new DefaultFtpReply(550, "Permission denied by the test.")));
    }

    /**
     * The first {@code command} on a file whose name matches waits for {@code action} (run on the
     * server's thread, before the command does anything), then the client is disconnected.
     */
    void stopAt(String command, Predicate<String> fileName, Runnable action) {
        rules.add(new Rule(command, fileName, action, null));
    }

    /** Forgets every refusal and stop: the server does what it is asked again. */
    void behave() {
        rules.clear();
    }

    /** A folder as the server keeps it on disk, e.g. {@code SincroAg/A01}. */
    Path served(String folder) {
        return root.resolve(folder);
    }

    /** Every file in a folder of the mailbox, temporary names included, sorted. */
    List<String> filesIn(String folder) {
        return LoopbackMailbox.filesIn(served(folder));
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Rules extends DefaultFtplet {

        @Override
        public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws FtpException, IOException {
            String argument = request.getArgument() == null ? "" : request.getArgument();
            String fileName = argument.substring(argument.lastIndexOf('/') + 1);
            for (Rule rule : rules) {
                if (rule.command().equalsIgnoreCase(request.getCommand()) && rule.argument().test(fileName)) {
                    if (rule.refusal() != null) {
                        session.write(rule.refusal());
                        return FtpletResult.SKIP;
                    }
                    // a stop happens once: the next sync must get through
                    rules.remove(rule);
                    rule.action().run();
                    return FtpletResult.DISCONNECT;
                }
            }
            return FtpletResult.DEFAULT;
        }
    }
}
