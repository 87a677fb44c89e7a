package io.sincro.app.hq;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationOptions;
import io.sincro.db.Database;
import io.sincro.sync.AgentKeys;

/** {@code sincro hq rekey-agent CODE}: replaces an agent's key, after a laptop was stolen or lost. */
@Command(name = "rekey-agent",
        mixinStandardHelpOptions = true,
        description = {
            "Replaces agent CODE's key (a stolen or lost laptop): from now on the head office refuses every package under the old key and writes the agent's packages under the new one, which the old station cannot read.",
            "Then prepare the agent's station again (sincro hq prepare-agent CODE --out DIR) and give it to the agent: it works at its next sync."
        })
final class RekeyAgentCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CODE", description = "The agent's code (e.g. A01).")
    private String agentCode;

    private final AppEnvironment environment;

    RekeyAgentCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        StationFolder station = StationFolder.open(options, environment).requireHeadOffice("hq rekey-agent");
        try (Database company = station.openDatabase()) {
            AgentKeys.Rekeyed rekeyed = AgentKeys.rekey(company, agentCode);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Agent " + agentCode + "'s key is now " + rekeyed.now() + (rekeyed.before() == null ? ""
                    : "; packages under " + rekeyed.before() + " are refused from now on") + ".");
            out.println("Next: prepare its station again (sincro hq prepare-agent " + agentCode + " --out DIR) and"
                    + " give it to the agent; the head office's next sync sends it a full package.");
        }
        return 0;
    }
}
