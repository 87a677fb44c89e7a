package io.sincro.exchange.server;

import java.util.function.Consumer;

import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reports what clients do on the server as {@link ServerEvent}s. */
final class ActivityFtplet extends DefaultFtplet {

    private static final Logger log = LoggerFactory.getLogger(ActivityFtplet.class);

    private final Consumer<ServerEvent> events;

    ActivityFtplet(Consumer<ServerEvent> events) {
        this.events = events;
    }

    @Override
    public FtpletResult onLogin(FtpSession session, FtpRequest request) {
        report(session, "logged in", "", session.isSecure());
        return FtpletResult.DEFAULT;
    }

    @Override
    public FtpletResult onUploadEnd(FtpSession session, FtpRequest request) throws FtpException {
        report(session, "stored", path(session, request), session.getDataConnection().isSecure());
        return FtpletResult.DEFAULT;
    }

    @Override
    public FtpletResult onDownloadEnd(FtpSession session, FtpRequest request) throws FtpException {
        report(session, "retrieved", path(session, request), session.getDataConnection().isSecure());
        return FtpletResult.DEFAULT;
    }

    @Override
    public FtpletResult onRenameEnd(FtpSession session, FtpRequest request) throws FtpException {
        report(session, "renamed to", path(session, request), session.isSecure());
        return FtpletResult.DEFAULT;
    }

    @Override
    public FtpletResult onDeleteEnd(FtpSession session, FtpRequest request) throws FtpException {
        report(session, "deleted", path(session, request), session.isSecure());
        return FtpletResult.DEFAULT;
    }

    @Override
    public FtpletResult onMkdirEnd(FtpSession session, FtpRequest request) throws FtpException {
        report(session, "created folder", path(session, request), session.isSecure());
        return FtpletResult.DEFAULT;
    }

    private static String path(FtpSession session, FtpRequest request) throws FtpException {
        String argument = request.getArgument() == null ? "" : request.getArgument();
        if (argument.startsWith("/")) {
            return argument;
        }
        String directory = session.getFileSystemView().getWorkingDirectory().getAbsolutePath();
        return directory.endsWith("/") ? directory + argument : directory + "/" + argument;
    }

    private void report(FtpSession session, String action, String path, boolean encrypted) {
        String user = session.getUser() == null ? "?" : session.getUser().getName();
        try {
            events.accept(new ServerEvent(user, action, path, encrypted));
        } catch (RuntimeException e) {
            // a failing listener must not fail the client's command
            log.warn("reporting '{} {} {}' failed: {}", user, action, path, e.toString());
        }
    }
}
