package io.sincro.format.file;

import java.nio.file.Path;
import java.util.Objects;

import io.sincro.format.PackageHeader;
import io.sincro.format.PackageName;
import io.sincro.format.seal.Seal;

/**
 * A package file that passed the checks short of importing it: a package name, a well-formed
 * container, content matching its seal (size and SHA-256), a header that agrees with the name, and,
 * when {@code documentChecked}, safe and schema-valid XML in a format version this build reads
 * (otherwise the importer checks the document while it imports).
 */
public record VerifiedPackage(Path file, PackageName name, PackageHeader header, Seal seal, long fileBytes,
                              boolean documentChecked) {

    public VerifiedPackage {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(seal, "seal");
    }
}
