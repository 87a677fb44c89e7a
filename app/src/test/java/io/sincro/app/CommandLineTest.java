package io.sincro.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import io.sincro.app.CliRun.Result;
import io.sincro.app.cli.AppEnvironment;
import io.sincro.db.testing.TestClock;

class CommandLineTest {

    @TempDir
    Path dir;

    private CliRun sincro() {
        return new CliRun(dir, TestClock.at("2026-03-02T08:00:00Z"));
    }

    @Test
    void aCommandLineHoldsOnlyTheVerbItRuns() {
        AppEnvironment environment = new AppEnvironment(TestClock.at("2026-03-02T08:00:00Z"), Map.of(), dir);

        assertThat(SincroCommand.commandLine(environment, "price", "C00001", "P00081").getSubcommands())
                .containsOnlyKeys("price");
        assertThat(SincroCommand.commandLine(environment, "order", "list").getSubcommands()).containsOnlyKeys("order");
        assertThat(SincroCommand.commandLine(environment, "--version").getSubcommands()).isEmpty();
        assertThat(SincroCommand.commandLine(environment, "doctor", "--bundle", "b.zip").getSubcommands())
                .containsOnlyKeys("doctor", "status");
    }

    @Test
    void helpAndAMistypedVerbSeeEveryVerb() {
        AppEnvironment environment = new AppEnvironment(TestClock.at("2026-03-02T08:00:00Z"), Map.of(), dir);
        var every = SincroCommand.commandLine(environment).getSubcommands().keySet();

        assertThat(SincroCommand.commandLine(environment, "help", "price").getSubcommands().keySet()).isEqualTo(every);
        assertThat(SincroCommand.commandLine(environment, "pric").getSubcommands().keySet()).isEqualTo(every);
        assertThat(SincroCommand.commandLine(environment).getSubcommands().keySet()).isEqualTo(every);
        Result mistyped = sincro().run("pric", "C00001");
        assertThat(mistyped.exitCode()).as(mistyped.toString()).isEqualTo(2);
        assertThat(mistyped.err()).as(mistyped.toString()).contains("Did you mean: sincro price");
    }

    @Test
    void versionNamesTheRelease() {
        Result result = sincro().run("--version");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("Sincro ");
    }

    @Test
    void helpListsTheCommands() {
        Result result = sincro().run("--help");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("hq", "status");
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] command : new String[][] {{"hq", "init"}, {"hq", "import"}, {"hq", "prepare-agent"},
                {"hq", "agents"}, {"status"}, {"conflicts"}}) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            Result result = sincro().run(args);
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).as(result.toString()).contains("Usage: sincro " + String.join(" ", command));
        }
    }

    @Test
    void everyDescriptionLineIsWholeSentences() {
        List<String> cut = new ArrayList<>();
        collectCut(SincroCommand.commandLine(new AppEnvironment(TestClock.at("2026-03-02T08:00:00Z"), Map.of(), dir)),
                cut);

        // a listing shows a command's first description line alone: a sentence split over two is cut
        assertThat(cut).isEmpty();
    }

    private static void collectCut(CommandLine command, List<String> cut) {
        for (String line : command.getCommandSpec().usageMessage().description()) {
            if (!line.replace("%n", "").strip().matches("(?s).*[.:)]$")) {
                cut.add(command.getCommandSpec().qualifiedName() + ": " + line);
            }
        }
        command.getSubcommands().values().stream().distinct().forEach(sub -> collectCut(sub, cut));
    }

    @Test
    void anUnknownCommandPrintsTheUsageAndExits2() {
        Result result = sincro().run("synchronise");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("Unmatched argument", "Usage: sincro");
    }

    @Test
    void anUnknownOptionPrintsTheUsageAndExits2() {
        Result result = sincro().run("status", "--colour");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option: '--colour'", "Usage: sincro status");
    }

    @Test
    void noCommandAtAllPrintsTheUsageAndExits2() {
        Result result = sincro().run();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("Usage: sincro");
    }

    @Test
    void aMissingSettingsFileIsOneSentenceWithoutAStackTrace() {
        Result result = sincro().run("status");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err().strip())
                .startsWith("sincro: there is no settings file " + dir.resolve("sincro.properties"))
                .contains("sincro hq init")
                .doesNotContain("\tat ", "Exception");
        assertThat(result.err().strip().lines()).hasSize(1);
    }

    @Test
    void verboseAddsTheStackTrace() {
        Result result = sincro().run("status", "--verbose");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("SettingsException", "\tat ");
    }
}
