package io.sincro.sync;

import java.nio.file.Path;

import io.sincro.db.Database;
import io.sincro.format.envelope.KeyFiles;

/** Where a station keeps its keys: the {@code keys} folder beside its database. */
public final class StationKeys {

    private StationKeys() {
    }

    /** The keys of the station whose database this is. */
    public static KeyFiles of(Database database) {
        return at(database.directory());
    }

    /** The keys of the station whose database is (or would be) in {@code databaseDirectory}. */
    public static KeyFiles at(Path databaseDirectory) {
        return new KeyFiles(databaseDirectory.toAbsolutePath().normalize().resolveSibling(KeyFiles.FOLDER));
    }
}
