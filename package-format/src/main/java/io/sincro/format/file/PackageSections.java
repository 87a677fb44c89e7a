package io.sincro.format.file;

import io.sincro.format.PackageRefusedException.Reason;
import io.sincro.format.PackageRefusedException;
import io.sincro.format.rows.Section;

/**
 * A verified package's sections, taken one at a time by the caller's thread while two others do the
 * reading: one unzips, seals and parses the rows ({@link RowPipe}), one checks the document against
 * the schema ({@link DocumentCheck}), unless {@link PackageFiles#verify} did already. A large package
 * then costs the caller little more than its own work on the rows.
 *
 * <pre>{@code
 * try (PackageSections sections = files.sections(verified)) {
 *     try {
 *         for (Section s = sections.next(); s != null; s = sections.next()) {
 *             ... take every item of s ...
 *         }
 *     } catch (Exception e) {
 *         throw sections.explain(e);   // the check's refusal, when it has one, explains e better
 *     }
 *     sections.finish();               // the whole file read, its seal and its document checked
 * }
 * }</pre>
 *
 * Nothing may be committed before {@link #finish} returns. Closing stops and waits for both threads,
 * so neither reads a file the caller then moves.
 */
public final class PackageSections implements AutoCloseable {

    private final DocumentCheck check;
    private final RowPipe pipe;
    private Section current;

    PackageSections(PackageFiles files, VerifiedPackage p) {
        check = DocumentCheck.start(files, p);
        RowPipe started;
        try {
            started = RowPipe.start("sincro-read-" + p.name().fileName(), into -> files.read(p, read -> {
                if (!read.equals(p.header())) {
                    throw new PackageRefusedException(Reason.SEAL_MISMATCH, "package " + p.name() + " changed after"
                            + " it was checked (its header differs); it was refused, set it aside and ask for it again");
                }
                return into;
            }));
        } catch (RuntimeException e) {
            check.close();
            throw e;
        }
        pipe = started;
    }

    /**
     * The next section, or null when the package has no more; the previous one must have been taken
     * to its end.
     *
     * @throws RuntimeException the reader's failure as it failed (a refusal stays a refusal)
     */
    public Section next() {
        if (current != null && current.peek() != null) {
            throw new IllegalStateException("the " + current.entity().section() + " section was not taken to its end");
        }
        current = pipe.nextSection();
        return current;
    }

    /**
     * Waits until the file is read to its end and the document checked.
     *
     * @throws PackageRefusedException when either found the package wanting
     */
    public void finish() {
        pipe.finish();
        check.passed();
    }

    /**
     * What to throw when the caller's work on the rows failed with {@code failure}: the document
     * check's refusal when it has one (a value too long for a column is a package breaking the
     * schema, not a database error), with {@code failure} suppressed in it; otherwise
     * {@code failure} itself.
     */
    public <E extends Exception> E explain(E failure) {
        check.explain(failure);
        return failure;
    }

    @Override
    public void close() {
        try {
            pipe.close();
        } finally {
            check.close();
        }
    }
}
