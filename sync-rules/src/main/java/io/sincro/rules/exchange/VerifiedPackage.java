package io.sincro.rules.exchange;

import java.nio.file.Path;
import java.util.Objects;

import io.sincro.rules.parcel.PackageHeader;
import io.sincro.rules.parcel.PackageName;
import io.sincro.rules.parcel.Seal;

/**
 * A package file that passed every check short of importing it: a package name, a well-formed
 * container, content matching its seal (size and SHA-256), safe and schema-valid XML in a format
 * version this build reads, and a header that agrees with the name.
 */
public record VerifiedPackage(Path file, PackageName name, PackageHeader header, Seal seal, long fileBytes) {

    public VerifiedPackage {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(seal, "seal");
    }
}
