package io.sincro.web.office.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.db.Station;
import io.sincro.office.exports.BackEndExport;
import io.sincro.office.exports.ExportException;
import io.sincro.office.exports.ExportKind;
import io.sincro.office.exports.ExportSummary;
import io.sincro.office.imports.CsvImport;
import io.sincro.office.imports.ImportException;
import io.sincro.office.imports.ImportKind;
import io.sincro.office.imports.ImportSummary;
import io.sincro.web.page.Feature;
import io.sincro.web.page.Pages;
import io.sincro.web.page.WebStation;

/**
 * {@code /files}: {@code sincro hq export KIND [--again]} as a CSV download (the file stays in the
 * station's exports/ folder, as the command leaves it) and {@code sincro hq import KIND FILE} by
 * upload, through the same module code: all or nothing, a refusal naming the line and column.
 */
public final class FilePages implements Feature {

    private static final Logger log = LoggerFactory.getLogger(FilePages.class);
    /** The longest file name kept from an upload, for the import's messages. */
    private static final int MAX_NAME = 80;

    @Override
    public boolean serves(Station station) {
        return station.isHeadOffice();
    }

    @Override
    public String messages() {
        return "io.sincro.web.office.files.messages";
    }

    @Override
    public void routes(RoutesConfig routes, Pages pages) {
        routes.get("/files", ctx -> pages.render(ctx, "office/files.jte", "files", FilesView.empty()));
        routes.post("/files/export", ctx -> export(ctx, pages));
        routes.post("/files/import", ctx -> upload(ctx, pages));
    }

    private static void export(Context ctx, Pages pages) throws IOException {
        Optional<ExportKind> kind = ExportKind.fromLabel(String.valueOf(ctx.formParam("kind")));
        if (kind.isEmpty()) {
            answer(ctx, pages, HttpStatus.BAD_REQUEST, new FilesView("export.badKind", null, true, null, null));
            return;
        }
        boolean again = ctx.formParam("again") != null;
        WebStation station = pages.station();
        ExportSummary summary;
        try {
            summary = new BackEndExport(station.database()).export(kind.get(),
                    BackEndExport.fileIn(station.folder(), kind.get(), station.clock().instant()), again);
        } catch (ExportException e) {
            answer(ctx, pages, HttpStatus.CONFLICT, new FilesView("export.failed", e.getMessage(), true, null, null));
            return;
        }
        if (summary.records() == 0) {
            answer(ctx, pages, HttpStatus.OK, new FilesView(again ? "export.noneAtAll" : "export.none",
                    kind.get().label(), false, null, null));
            return;
        }
        log.info("exported {} for download", summary);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + summary.file().getFileName() + "\"");
        ctx.result(Files.newInputStream(summary.file()));
    }

    private static void upload(Context ctx, Pages pages) {
        String kindLabel = ctx.formParam("kind");
        Optional<ImportKind> kind = ImportKind.fromLabel(String.valueOf(kindLabel));
        if (kind.isEmpty()) {
            answer(ctx, pages, HttpStatus.BAD_REQUEST, new FilesView("import.badKind", null, true, null, null));
            return;
        }
        UploadedFile upload = ctx.uploadedFile("file");
        if (upload == null || upload.filename() == null || upload.filename().isBlank()) {
            answer(ctx, pages, HttpStatus.BAD_REQUEST, new FilesView("import.noFile", null, true, null, kindLabel));
            return;
        }
        WebStation station = pages.station();
        Path folder = null;
        Path file = null;
        try {
            // the upload under its own name, in a folder of its own: the import's messages name the file the user chose
            folder = Files.createTempDirectory(station.folder(), ".upload-");
            file = folder.resolve(safeName(upload.filename(), kind.get()));
            try (InputStream in = upload.content()) {
                Files.copy(in, file);
            }
            ImportSummary summary = new CsvImport(station.database()).load(kind.get(), file);
            answer(ctx, pages, HttpStatus.OK, new FilesView("import.done", null, false, summary, kindLabel));
        } catch (ImportException e) {
            answer(ctx, pages, HttpStatus.UNPROCESSABLE_CONTENT,
                    new FilesView("import.refused", e.getMessage(), true, null, kindLabel));
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the uploaded file in " + station.folder() + " to load it ("
                    + e.getMessage() + "); check the free space and rights there", e);
        } finally {
            deleteIfThere(file);
            deleteIfThere(folder);
        }
    }

    /**
     * The uploaded file's name without any folder, in letters, digits, dots, dashes and underscores,
     * at most 80 characters; the kind's own (customers.csv) when nothing of it is left.
     */
    static String safeName(String uploaded, ImportKind kind) {
        String name = uploaded.substring(Math.max(uploaded.lastIndexOf('/'), uploaded.lastIndexOf('\\')) + 1)
                .replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.length() > MAX_NAME) {
            name = name.substring(name.length() - MAX_NAME);
        }
        return name.isEmpty() || name.startsWith(".") ? kind.label() + ".csv" : name;
    }

    private static void answer(Context ctx, Pages pages, HttpStatus status, FilesView view) {
        ctx.status(status);
        pages.render(ctx, "office/files.jte", "files", view);
    }

    private static void deleteIfThere(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("could not remove the uploaded file {} ({}); remove it by hand", path, e.getMessage());
        }
    }
}
