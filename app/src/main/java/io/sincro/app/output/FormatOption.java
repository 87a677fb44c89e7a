package io.sincro.app.output;

import picocli.CommandLine.Option;

/** The --format option of listing commands. */
public final class FormatOption {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "How to print: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private OutputFormat format;

    public OutputFormat format() {
        return format;
    }
}
