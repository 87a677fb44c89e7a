package io.sincro.app.agent;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationOptions;
import io.sincro.app.output.Figures;
import io.sincro.app.output.FormatOption;
import io.sincro.app.output.Table;
import io.sincro.db.orders.OrderTemplate;

/** {@code sincro order template show NAME}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Lists a template's products and quantities.")
final class TemplateShowCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Mixin
    private FormatOption format;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The template's name.")
    private String name;

    private final AppEnvironment environment;

    TemplateShowCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (AgentSession session = AgentSession.open(options, environment, spec)) {
            OrderTemplate template = session.station().templates().show(name);
            Table table = new Table("line", "product", "description", "quantity");
            for (OrderTemplate.Line line : template.lines()) {
                table.add(line.lineNo(), line.productCode(),
                        session.station().catalog().product(line.productCode()).description(),
                        Figures.plain(line.quantity()));
            }
            table.print(session.out(), format.format());
        }
        return 0;
    }
}
