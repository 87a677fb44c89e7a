package io.sincro.app.agent;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sincro order template}: named lists of products and quantities to start orders from. */
@Command(name = "template",
        mixinStandardHelpOptions = true,
        description = "Order templates: an order's products and quantities saved under a name; start an order from one "
                + "with 'sincro order new --customer CODE --template NAME'. Templates stay on this station.",
        subcommands = {TemplateSaveCommand.class, TemplateListCommand.class, TemplateShowCommand.class,
            TemplateDeleteCommand.class})
final class TemplateCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: one of the template commands below");
    }
}
