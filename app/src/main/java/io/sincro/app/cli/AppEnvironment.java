package io.sincro.app.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What the commands take from the world around them, handed in so tests can set it: the clock,
 * the environment variables and the working folder.
 */
public record AppEnvironment(Clock clock, Map<String, String> variables, Path workingDirectory) {

    public static AppEnvironment system() {
        // the local zone: an order written just after midnight in Italy is dated today, not yesterday
        return new AppEnvironment(Clock.systemDefaultZone(), System.getenv(), Path.of("").toAbsolutePath());
    }
}
