package io.sincro.rules.exchange;

import java.nio.file.Path;
import java.util.Objects;

import io.sincro.rules.parcel.PackageHeader;
import io.sincro.rules.parcel.PackageName;
import io.sincro.rules.parcel.Seal;

/**
 * A package just written under its final name, with what it holds.
 *
 * @param changeMark for packages built from a database, the station's change number when it was
 *                   written: a later delta based on this package holds the changes above it
 */
public record WrittenPackage(Path file, PackageName name, PackageHeader header, Seal seal, long fileBytes,
                             long changeMark) {

    public WrittenPackage {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(seal, "seal");
    }
}
