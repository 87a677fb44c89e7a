package io.sincro.app.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.app.failures.Failures;

/**
 * Points the application's one logging backend (Logback) at the station's log file,
 * {@code logs/sincro.log} in the station folder. Until then nothing is logged anywhere: logging
 * starts with no appender ({@link SilentLogging}), so nothing leaks onto the terminal. A log file
 * that cannot be written is never silent: opening it says why, and the command warns.
 */
public final class LogFiles {

    public static final String FILE = "logs/sincro.log";

    private LogFiles() {
    }

    /**
     * Logs to {@code folder}/logs/sincro.log: INFO, or DEBUG when verbose. Returns the warning to
     * show when the file cannot be written (then nothing is logged).
     */
    static Optional<String> writeTo(Path folder, boolean verbose, String command) {
        Path file = folder.resolve(FILE);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        try {
            Files.createDirectories(file.getParent());
            FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                    .close();
        } catch (IOException e) {
            String why = Failures.of(e, command, file.getParent()).map(Object::toString).orElse(Failures.reason(e));
            return Optional.of("the station's log " + file + " cannot be written, so this run keeps no log: " + why);
        }

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n");
        encoder.start();

        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("station");
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(verbose ? Level.DEBUG : Level.INFO);
        root.addAppender(appender);
        // The libraries' own chatter is only worth reading when asked for.
        Level libraries = verbose ? Level.DEBUG : Level.WARN;
        for (String library : new String[] {"org.apache", "org.mockftpserver", "org.glassfish"}) {
            context.getLogger(library).setLevel(libraries);
        }
        return Optional.empty();
    }
}
