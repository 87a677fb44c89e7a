package io.sincro.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Logback's configuration until a command knows its station folder: no appender, nothing logged
 * anywhere, so nothing leaks onto the terminal; {@link LogFiles} then points logging at the
 * station's log file. Found by Logback through {@code META-INF/services}, it stands in for a
 * {@code logback.xml}, whose XML parser would cost every command a tenth of a second or more at
 * start. A {@code logback.xml} or {@code -Dlogback.configurationFile} given to diagnose is still
 * read: then this steps aside.
 */
public final class SilentLogging extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader loader = SilentLogging.class.getClassLoader();
        if (System.getProperty("logback.configurationFile") != null || loader.getResource("logback-test.xml") != null
                || loader.getResource("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
