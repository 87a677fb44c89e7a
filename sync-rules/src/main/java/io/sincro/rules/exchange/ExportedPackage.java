package io.sincro.rules.exchange;

import java.time.Instant;

import io.sincro.format.PackageKind;
import io.sincro.format.PackageName;

/**
 * A package this station wrote: its name, kind, the package it is based on, and the station's
 * change number when it was written, which a later delta based on it starts from.
 */
public record ExportedPackage(PackageName name, PackageKind kind, long basedOn, long changeMark, long bytes,
                              String sha256, Instant writtenAt, long rows) {
}
