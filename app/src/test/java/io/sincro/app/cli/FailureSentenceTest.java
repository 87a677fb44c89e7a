package io.sincro.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.sincro.app.settings.SettingsException;

/**
 * The one mapping from a failure to what the user reads, for the command line and for a command
 * handed to {@code sincro ui}.
 */
class FailureSentenceTest {

    private final Path folder = Path.of("station").toAbsolutePath();

    @Test
    void sincrosOwnExceptionSaysItsSentence() {
        FailureSentence said = FailureSentence.of(new SettingsException("setting x is missing in y; add a line x=..."),
                "sincro sync", folder);

        assertThat(said).isEqualTo(new FailureSentence("setting x is missing in y; add a line x=...", false));
    }

    @Test
    void anotherLibrarysStateExceptionIsADefectNotASentence() {
        FailureSentence said = FailureSentence.of(new IllegalStateException("Timer already cancelled."),
                "sincro sync", folder);

        assertThat(said.unexpected()).isTrue();
        assertThat(said.sentence()).startsWith("unexpected error (java.lang.IllegalStateException: Timer already"
                + " cancelled.); this is a defect in Sincro: please report it with the log file logs/sincro.log");
    }
}
