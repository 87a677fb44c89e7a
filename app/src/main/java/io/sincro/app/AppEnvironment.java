package io.sincro.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What the commands take from the world around them, handed in so tests can set it: the clock,
 * the environment variables and the working folder.
 */
public record AppEnvironment(Clock clock, Map<String, String> variables, Path workingDirectory) {

    public static AppEnvironment system() {
        return new AppEnvironment(Clock.systemUTC(), System.getenv(), Path.of("").toAbsolutePath());
    }
}
