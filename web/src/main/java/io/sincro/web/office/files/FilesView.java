package io.sincro.web.office.files;

import java.util.List;

import io.sincro.office.exports.ExportKind;
import io.sincro.office.imports.ImportKind;
import io.sincro.office.imports.ImportSummary;

/**
 * The exports and imports page, and what the last action did: the key of its sentence (null: none)
 * with the rule or detail that goes with it, whether it was a refusal, the summary of a file loaded,
 * and the kind of import chosen.
 */
public record FilesView(String outcome, String detail, boolean refused, ImportSummary imported, String importKind) {

    public List<String> exportKinds() {
        return ExportKind.labels();
    }

    public List<String> importKinds() {
        return ImportKind.labels();
    }

    static FilesView empty() {
        return new FilesView(null, null, false, null, null);
    }
}
