package io.sincro.sync;

import java.sql.Connection;
import java.sql.SQLException;

import io.sincro.db.Database;
import io.sincro.format.PackageStream;
import io.sincro.sync.ledger.ExportedPackages;
import io.sincro.sync.ledger.ImportedPackages;

/**
 * What the exchange writes into an agent station while the head office prepares it
 * ({@code sincro hq prepare-agent}): the agent's packages carry on after the last one the head office
 * imported from that agent, which it would otherwise skip as seen (a lost laptop prepared again
 * must not send package 1 a second time).
 */
public final class StationHandover {

    private StationHandover() {
    }

    /**
     * Carries {@code agentCode}'s package numbering over into the new station, inside its preparing
     * transaction {@code station}; {@code company} is the head office's database.
     */
    public static void carryOn(Database company, Connection station, String agentCode) throws SQLException {
        PackageStream upward = PackageStream.fromAgent(agentCode);
        long lastReceived = company.inTransaction(c -> new ImportedPackages().last(c, upward));
        new ExportedPackages().continueAfter(station, upward, lastReceived, company.clock().instant());
    }
}
