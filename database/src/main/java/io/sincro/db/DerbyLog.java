package io.sincro.db;

import java.io.IOException;
import java.io.Writer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Derby writes what it would otherwise put in derby.log: our own log, one line at a time.
 * Derby only accepts a public static field of a public class for this (property
 * derby.stream.error.field); it cannot read one of a package-private class and writes to stderr instead.
 */
public final class DerbyLog extends Writer {

    /** Read by Derby through reflection. */
    public static final Writer SINK = new DerbyLog(LoggerFactory.getLogger("org.apache.derby"));

    private final Logger log;
    private final StringBuilder line = new StringBuilder();

    private DerbyLog(Logger log) {
        this.log = log;
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char ch = buffer[i];
            if (ch == '\n') {
                flushLine();
            } else if (ch != '\r') {
                line.append(ch);
            }
        }
    }

    @Override
    public synchronized void flush() {
        flushLine();
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    private void flushLine() {
        if (!line.isEmpty()) {
            log.debug("{}", line);
            line.setLength(0);
        }
    }
}
