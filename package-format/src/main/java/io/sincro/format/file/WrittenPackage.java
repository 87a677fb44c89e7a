package io.sincro.format.file;

import java.nio.file.Path;
import java.util.Objects;

import io.sincro.format.PackageHeader;
import io.sincro.format.PackageName;
import io.sincro.format.seal.Seal;

/** A package just written under its final name, with what it holds. */
public record WrittenPackage(Path file, PackageName name, PackageHeader header, Seal seal, long fileBytes) {

    public WrittenPackage {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(seal, "seal");
    }
}
