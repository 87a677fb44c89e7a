package io.sincro.app.agent;

import java.util.List;
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
import io.sincro.app.output.FormatOption;
import io.sincro.app.output.OutputFormat;
import io.sincro.app.output.Table;
import io.sincro.db.catalog.Product;

/** {@code sincro product search TEXT}: products by code or description. */
@Command(name = "search",
        mixinStandardHelpOptions = true,
        description = "Finds products whose code starts with TEXT (an exact code shows that product first), whose "
                + "description starts with it, or whose description has a word starting with each word of it "
                + "('zinc m8' finds 'Bullone M8x40 zincato'); case does not matter. Inactive products are listed "
                + "too, marked.")
final class ProductSearchCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Mixin
    private FormatOption format;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The start of a code, or words of the description.")
    private List<String> words;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N products (default ${DEFAULT-VALUE}).")
    private int limit;

    private final AppEnvironment environment;

    ProductSearchCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        String text = String.join(" ", words);
        try (AgentSession session = AgentSession.open(options, environment, spec)) {
            List<Product> products = session.station().catalog().search(text, limit);
            if (products.isEmpty() && format.format() == OutputFormat.TABLE) {
                session.out().println("No product matches '" + text + "'; try fewer words, or the start of one.");
                return 0;
            }
            Table table = new Table("code", "description", "unit", "VAT %", "active");
            for (Product p : products) {
                table.add(p.code(), p.description(), p.unit(), Figures.plain(p.vatRate()), p.active() ? "yes" : "no");
            }
            table.print(session.out(), format.format());
        }
        return 0;
    }
}
