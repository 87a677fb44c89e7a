package io.sincro.web.sync;

/**
 * One step of a running sync: a package sent, fetched or imported, with its size in bytes (-1 when
 * unknown) or its rows (-1 when not an import), and whether it is over.
 */
public record PackageStep(String packageName, Kind kind, long bytes, long rows, boolean done) {

    /** What the sync does with the package. */
    public enum Kind {
        SENDING, FETCHING, IMPORTING
    }

    PackageStep finished() {
        return new PackageStep(packageName, kind, bytes, rows, true);
    }
}
