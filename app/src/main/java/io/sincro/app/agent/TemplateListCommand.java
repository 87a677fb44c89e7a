package io.sincro.app.agent;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationOptions;
import io.sincro.app.output.Figures;
import io.sincro.app.output.FormatOption;
import io.sincro.app.output.OutputFormat;
import io.sincro.app.output.Table;
import io.sincro.db.orders.OrderTemplate;

/** {@code sincro order template list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the order templates by name.")
final class TemplateListCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Mixin
    private FormatOption format;

    @Spec
    private CommandSpec spec;

    private final AppEnvironment environment;

    TemplateListCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (AgentSession session = AgentSession.open(options, environment, spec)) {
            List<OrderTemplate> templates = session.station().templates().list();
            if (templates.isEmpty() && format.format() == OutputFormat.TABLE) {
                session.out().println("No templates yet; save an order as one with 'sincro order template save ORDER NAME'.");
                return 0;
            }
            Table table = new Table("name", "lines", "saved from", "saved at");
            for (OrderTemplate t : templates) {
                table.add(t.name(), t.lines().size(), t.sourceOrder(), Figures.time(t.createdAt(), environment.clock().getZone()));
            }
            table.print(session.out(), format.format());
        }
        return 0;
    }
}
