package io.sincro.app.cli;

import java.nio.file.Path;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points the application's one logging backend (Logback) at the station's log file,
 * {@code logs/sincro.log} in the station folder. Until then nothing is logged anywhere: the
 * bundled logback.xml has no appender, so nothing leaks onto the terminal.
 */
public final class LogFiles {

    public static final String FILE = "logs/sincro.log";

    private LogFiles() {
    }

    /** Logs to {@code folder}/logs/sincro.log: INFO, or DEBUG when verbose. Returns the file. */
    static Path writeTo(Path folder, boolean verbose) {
        Path file = folder.resolve(FILE);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();

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
        return file;
    }
}
