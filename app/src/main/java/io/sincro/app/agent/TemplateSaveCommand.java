package io.sincro.app.agent;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationOptions;
import io.sincro.app.output.Figures;
import io.sincro.db.orders.OrderTemplate;

/** {@code sincro order template save ORDER NAME}. */
@Command(name = "save",
        mixinStandardHelpOptions = true,
        description = "Saves the products and quantities of an order (any status) as a template.")
final class TemplateSaveCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ORDER", description = "The order, such as A01/000042 or 42.")
    private String order;

    @Parameters(index = "1", paramLabel = "NAME", description = "The template's name, such as weekly-hardware.")
    private String name;

    @Option(names = "--replace", description = "Replace a template of the same name.")
    private boolean replace;

    private final AppEnvironment environment;

    TemplateSaveCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (AgentSession session = AgentSession.open(options, environment, spec)) {
            OrderTemplate saved = session.station().templates()
                    .save(session.station().orders().number(order), name, replace);
            session.out().println("Saved template '" + saved.name() + "' from order " + saved.sourceOrder() + " ("
                    + Figures.count(saved.lines().size(), "line", "lines") + "); start an order from it with 'sincro order new --customer CODE"
                    + " --template " + quoted(saved.name()) + "'.");
        }
        return 0;
    }

    private static String quoted(String name) {
        return name.contains(" ") ? "\"" + name + "\"" : name;
    }
}
