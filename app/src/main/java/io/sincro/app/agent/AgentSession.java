package io.sincro.app.agent;

import java.io.PrintWriter;

import picocli.CommandLine.Model.CommandSpec;

import io.sincro.agent.AgentStation;
import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationOptions;
import io.sincro.app.output.Figures;
import io.sincro.db.Database;

/**
 * What every agent command starts with: the agent's station folder (a head-office folder is
 * refused), its database, the agent-station library on it, and how figures are printed there.
 */
final class AgentSession implements AutoCloseable {

    private final StationFolder folder;
    private final Database database;
    private final AgentStation station;
    private final Figures figures;
    private final CommandSpec spec;

    private AgentSession(StationFolder folder, Database database, AgentStation station, Figures figures, CommandSpec spec) {
        this.folder = folder;
        this.database = database;
        this.station = station;
        this.figures = figures;
        this.spec = spec;
    }

    static AgentSession open(StationOptions options, AppEnvironment environment, CommandSpec spec) {
        String command = spec.qualifiedName(" ").replaceFirst("^sincro ", "");
        StationFolder folder = StationFolder.open(options, environment).requireAgent(command);
        Figures figures = new Figures(folder.settings().currency());
        Database database = folder.openDatabase();
        try {
            return new AgentSession(folder, database, new AgentStation(database, environment.clock()), figures, spec);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    AgentStation station() {
        return station;
    }

    Database database() {
        return database;
    }

    Figures figures() {
        return figures;
    }

    StationFolder folder() {
        return folder;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Override
    public void close() {
        database.close();
    }
}
