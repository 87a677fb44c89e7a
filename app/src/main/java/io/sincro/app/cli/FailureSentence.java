package io.sincro.app.cli;

import java.nio.file.Path;
import java.util.Optional;

import io.sincro.app.failures.Failures;
import io.sincro.app.failures.Fault;
import io.sincro.app.settings.SettingsException;

/**
 * What the user reads when a command failed, the one mapping for the command line's error handler
 * and for a command handed to {@code sincro ui}: a fault of the machine the platform named (a full
 * disk, a permission, a read-only or damaged database) as its cause and fix ({@link Failures});
 * Sincro's own exceptions, which already say what happened and what to do, as they say it;
 * anything else as a defect, saying so.
 *
 * @param sentence   the sentence, without the {@code sincro: } prefix
 * @param unexpected whether it is a defect, whose stack trace belongs in the log
 */
public record FailureSentence(String sentence, boolean unexpected) {

    /**
     * The sentence for {@code failure} of {@code command} (as in "run sincro sync again"), run at
     * the station in {@code stationFolder}.
     */
    public static FailureSentence of(Throwable failure, String command, Path stationFolder) {
        // the settings' own sentence names the file and, through Failures, why it could not be read
        Optional<Fault> fault = failure instanceof SettingsException ? Optional.empty()
                : Failures.of(failure, command, stationFolder);
        if (fault.isPresent()) {
            return new FailureSentence(fault.get().sentence(), false);
        }
        if (explainsItself(failure)) {
            return new FailureSentence(failure.getMessage(), false);
        }
        return new FailureSentence("unexpected error (" + failure + "); this is a defect in Sincro: please report it"
                + " with the log file " + LogFiles.FILE + " of this station", true);
    }

    /**
     * Sincro's own exceptions, and the argument checks of its records, carry a sentence written
     * for the user.
     */
    private static boolean explainsItself(Throwable failure) {
        if (failure.getMessage() == null || failure.getMessage().isBlank()) {
            return false;
        }
        if (failure.getClass().getName().startsWith("io.sincro.")) {
            return true;
        }
        StackTraceElement[] trace = failure.getStackTrace();
        return failure instanceof IllegalArgumentException && trace.length > 0
                && trace[0].getClassName().startsWith("io.sincro.");
    }
}
