package io.sincro.sync;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import io.sincro.db.Database;
import io.sincro.format.PackageStream;
import io.sincro.format.envelope.KeyFiles;
import io.sincro.format.envelope.SigningKey;
import io.sincro.format.envelope.StreamKey;
import io.sincro.sync.ledger.ExportedPackages;
import io.sincro.sync.ledger.ImportedPackages;

/**
 * What the exchange writes into an agent station while the head office prepares it
 * ({@code sincro hq prepare-agent}): the agent's packages carry on after the last one the head office
 * imported from that agent, which it would otherwise skip as seen (a lost laptop prepared again
 * must not send package 1 a second time); and the station's keys: the head office's public key and
 * the agent's stream key, made (with the head office's key pair, the first time) when the head
 * office has none for that agent yet.
 */
public final class StationHandover {

    private StationHandover() {
    }

    /**
     * Writes agent {@code agentCode}'s keys into its new station's folder {@code station}: the head
     * office's public key and the agent's stream key (both made when the head office has none yet).
     */
    public static void writeKeys(Database company, Path station, String agentCode) {
        KeyFiles headOffice = StationKeys.of(company);
        SigningKey signing = headOffice.headOffice();
        StreamKey key = headOffice.streamKey(agentCode).orElseGet(() -> headOffice.newStreamKey(agentCode));
        KeyFiles keys = new KeyFiles(station.resolve(KeyFiles.FOLDER));
        keys.writeSigningKey(signing.publicOnly());
        keys.write(key);
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
