package io.sincro.app.hq;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationOptions;
import io.sincro.db.Database;
import io.sincro.db.orders.Order;
import io.sincro.office.orders.HeadOfficeOrder;
import io.sincro.office.orders.HeadOfficeOrders;

/** {@code sincro hq order new}: an order the head office enters on an agent's behalf. */
@Command(name = "new",
        mixinStandardHelpOptions = true,
        description = "Enters an order on an agent's behalf for one of the agent's customers: numbered in the head"
                + " office's own series (HQ/000001), received at once, never sent to the agent. Many at once with"
                + " 'sincro hq import orders FILE.csv'.")
final class OrderNewCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Option(names = "--agent", required = true, paramLabel = "CODE", description = "The agent the order is for.")
    private String agent;

    @Option(names = "--customer", required = true, paramLabel = "CODE", description = "The customer, one of the agent's.")
    private String customer;

    @Option(names = "--line", required = true, paramLabel = "PRODUCT:QUANTITY[:PRICE[:DISCOUNT]]",
            converter = LineConverter.class,
            description = "A line, as many as needed; without a price, the customer's special price or price list's.")
    private List<HeadOfficeOrder.Line> lines;

    @Option(names = "--date", paramLabel = "DATE", description = "The order date (default: today).")
    private LocalDate date;

    @Option(names = "--delivery", paramLabel = "DATE", description = "The delivery date the customer wants.")
    private LocalDate delivery;

    @Option(names = "--notes", paramLabel = "TEXT", description = "Notes for the order.")
    private String notes;

    private final AppEnvironment environment;

    OrderNewCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        StationFolder station = StationFolder.open(options, environment).requireHeadOffice("hq order new");
        try (Database company = station.openDatabase()) {
            Order order = new HeadOfficeOrders().enter(company,
                    new HeadOfficeOrder(agent, customer, date, delivery, notes, lines, null));
            spec.commandLine().getOut().println("Entered order " + order.number() + " for agent " + order.agentCode()
                    + ", customer " + order.customerCode() + ", " + lines.size() + (lines.size() == 1 ? " line" : " lines")
                    + "; it stays at the head office ('sincro hq orders show " + order.number() + "').");
        }
        return 0;
    }

    static final class LineConverter implements ITypeConverter<HeadOfficeOrder.Line> {
        @Override
        public HeadOfficeOrder.Line convert(String value) {
            String[] parts = value.split(":", -1);
            if (parts.length < 2 || parts.length > 4 || parts[0].isBlank()) {
                throw new TypeConversionException("'" + value + "' is not a line; write PRODUCT:QUANTITY, optionally"
                        + " :PRICE and :DISCOUNT, such as P00001:10 or P00001:10:12.50:5");
            }
            return new HeadOfficeOrder.Line(parts[0].strip(), number(parts[1], value),
                    parts.length > 2 && !parts[2].isBlank() ? number(parts[2], value) : null,
                    parts.length > 3 && !parts[3].isBlank() ? number(parts[3], value) : null);
        }

        private static BigDecimal number(String text, String line) {
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + text + "' in line '" + line + "' is not a number; use a"
                        + " decimal point, as in 12.50");
            }
        }
    }
}
