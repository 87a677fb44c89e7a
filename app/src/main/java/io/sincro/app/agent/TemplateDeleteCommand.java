package io.sincro.app.agent;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationOptions;

/** {@code sincro order template delete NAME}. */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a template; orders made from it stay.")
final class TemplateDeleteCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The template's name.")
    private String name;

    private final AppEnvironment environment;

    TemplateDeleteCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (AgentSession session = AgentSession.open(options, environment, spec)) {
            session.station().templates().delete(name);
            session.out().println("Deleted template '" + name + "'.");
        }
        return 0;
    }
}
