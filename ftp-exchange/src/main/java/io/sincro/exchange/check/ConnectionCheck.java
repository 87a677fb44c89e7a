package io.sincro.exchange.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import io.sincro.exchange.Folder;
import io.sincro.exchange.Mailbox;
import io.sincro.exchange.MailboxException;
import io.sincro.exchange.MailboxException.Step;

/**
 * What {@code sincro check-connection [--create]} does: log in, find (or create) the station's
 * folders, and in each one prove every right the exchange needs by writing a probe file,
 * renaming it, reading it back byte for byte, and deleting it. Each step gives one line that
 * says OK, or what failed, what it means for the exchange, and what to do.
 *
 * <p>The probe is named {@code sincro-check-<time>-<random>.probe}: not a package name, so the
 * other side never collects it even if the check is interrupted.
 */
public final class ConnectionCheck {

    private static final DateTimeFormatter PROBE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Mailbox mailbox;
    private final List<Folder> folders;
    private final Clock clock;
    private final Random random;

    /**
     * @param mailbox the mailbox to check
     * @param folders the folders this station uses ({@link Folder#headOfficeFolders()} or
     *                {@link Folder#agentFolders(String)})
     * @param clock   for the probe's name
     * @param random  for the probe's name, so two stations checking at once never collide
     */
    public ConnectionCheck(Mailbox mailbox, List<Folder> folders, Clock clock, Random random) {
        this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
        this.folders = List.copyOf(folders);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Runs the check.
     *
     * @param create whether missing folders are created
     */
    public CheckReport run(boolean create) {
        List<CheckLine> lines = new ArrayList<>();
        String login = "log in to " + mailbox.location();
        try {
            mailbox.open();
            lines.add(CheckLine.ok(login));
        } catch (MailboxException e) {
            lines.add(CheckLine.failed(login, e.getMessage()));
            return new CheckReport(lines);
        }
        Path work;
        try {
            work = Files.createTempDirectory("sincro-check");
        } catch (IOException e) {
            lines.add(CheckLine.failed("prepare the probe", "no temporary folder can be made on this computer ("
                    + e.getMessage() + "); check the free space and the TMP folder"));
            return new CheckReport(lines);
        }
        Optional<Duration> serverClock = Optional.empty();
        try {
            for (Folder folder : folders) {
                Optional<Duration> ahead = checkFolder(folder, create, work, lines);
                serverClock = serverClock.or(() -> ahead);
            }
        } finally {
            removeQuietly(work);
        }
        return new CheckReport(lines, serverClock);
    }

    /** Checks one folder; returns how far the server's clock is ahead, when its probe's time said. */
    private Optional<Duration> checkFolder(Folder folder, boolean create, Path work, List<CheckLine> lines) {
        String step = "folder " + folder;
        boolean exists;
        try {
            exists = mailbox.folderExists(folder);
        } catch (MailboxException e) {
            lines.add(CheckLine.failed(step, explain(e, "open " + folder, "nothing could be exchanged there")));
            return Optional.empty();
        }
        if (exists) {
            lines.add(CheckLine.ok(step));
        } else if (!create) {
            lines.add(CheckLine.failed(step, "it does not exist in " + mailbox.location()
                    + "; run sincro check-connection --create, or create it on the server"));
            return Optional.empty();
        } else {
            try {
                mailbox.createFolder(folder);
                lines.add(CheckLine.ok(step, "created"));
            } catch (MailboxException e) {
                lines.add(CheckLine.failed(step, explain(e, "create " + folder,
                        "the station's folder could never be made")));
                return Optional.empty();
            }
        }

        try {
            int waiting = mailbox.list(folder).size();
            lines.add(CheckLine.ok("list " + folder, waiting + (waiting == 1 ? " package" : " packages") + " waiting"));
        } catch (MailboxException e) {
            lines.add(CheckLine.failed("list " + folder, explain(e, "list " + folder, "new packages would never be seen")));
            return Optional.empty();
        }

        byte[] content = probeContent();
        String probe = probeName();
        Path written = work.resolve("written-" + folder.segments().size() + "-" + lines.size());
        Path read = work.resolve("read-" + folder.segments().size() + "-" + lines.size());
        try {
            Files.write(written, content);
        } catch (IOException e) {
            lines.add(CheckLine.failed("write in " + folder, "the probe cannot be prepared on this computer ("
                    + e.getMessage() + "); check the free space"));
            return Optional.empty();
        }

        Instant before = clock.instant();
        try {
            mailbox.upload(written, folder, probe);
            lines.add(CheckLine.ok("write in " + folder));
            lines.add(CheckLine.ok("rename in " + folder));
        } catch (MailboxException e) {
            if (e.step() == Step.RENAME) {
                lines.add(CheckLine.ok("write in " + folder));
                lines.add(CheckLine.failed("rename in " + folder, explain(e, "rename in " + folder,
                        "uploads could never be completed and the other side would never see a package")));
            } else {
                lines.add(CheckLine.failed("write in " + folder, explain(e, "write in " + folder,
                        "packages could never be sent")));
            }
            return Optional.empty();
        }

        Optional<Duration> serverClock = serverClockAhead(folder, probe, before, clock.instant());

        try {
            mailbox.download(folder, probe, read);
            byte[] back = Files.readAllBytes(read);
            if (Arrays.equals(back, content)) {
                lines.add(CheckLine.ok("read back from " + folder));
            } else {
                lines.add(CheckLine.failed("read back from " + folder, "the probe came back changed ("
                        + back.length + " bytes instead of " + content.length + " or different bytes): the server or"
                        + " something between alters files in transit, so packages would arrive damaged; use"
                        + " another server or FTPS (ftp.tls), which nothing in between can alter"));
            }
        } catch (MailboxException e) {
            lines.add(CheckLine.failed("read back from " + folder, explain(e, "read in " + folder,
                    "packages could never be collected")));
        } catch (IOException e) {
            lines.add(CheckLine.failed("read back from " + folder, "the probe cannot be read on this computer ("
                    + e.getMessage() + "); check the TMP folder"));
        }

        try {
            mailbox.delete(folder, probe);
            if (mailbox.exists(folder, probe)) {
                lines.add(CheckLine.failed("delete in " + folder, "the server accepted the deletion of " + probe
                        + " but the file is still there, so collected packages could never be cleared; ask the"
                        + " server's administrator, then remove " + probe + " from " + folder + " by hand"));
            } else {
                lines.add(CheckLine.ok("delete in " + folder));
            }
        } catch (MailboxException e) {
            lines.add(CheckLine.failed("delete in " + folder, explain(e, "delete in " + folder,
                    "collected packages could never be cleared") + " (then remove " + probe + " from " + folder
                    + " by hand)"));
        }
        return serverClock;
    }

    /**
     * The server's time for the probe it was just sent, against this computer's before and after
     * the upload: zero when it falls in between (to the second, as MDTM says it), otherwise how far
     * it is ahead (or behind, negative). The time is a by-product of the check: a server that does
     * not say it fails no step, and the answer is empty.
     */
    private Optional<Duration> serverClockAhead(Folder folder, String probe, Instant before, Instant after) {
        Optional<Instant> stamped;
        try {
            stamped = mailbox.modifiedAt(folder, probe);
        } catch (MailboxException e) {
            return Optional.empty();
        }
        return stamped.map(at -> {
            Instant from = before.truncatedTo(ChronoUnit.SECONDS);
            Instant to = after.plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
            if (at.isBefore(from)) {
                return Duration.between(from, at);
            }
            return at.isAfter(to) ? Duration.between(to, at) : Duration.ZERO;
        });
    }

    /**
     * "the user cannot delete in SincroAg, so collected packages could never be cleared: <why and
     * what to do>" for a refusal; for a transient failure only the reason, because the right may
     * well be there.
     */
    private static String explain(MailboxException e, String right, String consequence) {
        if (e.isTransient()) {
            return e.getMessage();
        }
        return "the user cannot " + right + ", so " + consequence + ": " + e.getMessage();
    }

    private String probeName() {
        byte[] token = new byte[3];
        random.nextBytes(token);
        return "sincro-check-" + PROBE_TIME.format(clock.instant()) + "-" + HexFormat.of().formatHex(token) + ".probe";
    }

    /** Line ends of every kind, accented text and every byte value: what a text-mode transfer would damage. */
    private static byte[] probeContent() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("Sincro connection check\r\nline feed only\ncarriage return only\r".getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes("perché città € ñ\r\n".getBytes(StandardCharsets.UTF_8));
        for (int b = 0; b < 256; b++) {
            bytes.write(b);
        }
        return bytes.toByteArray();
    }

    private static void removeQuietly(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a leftover in the temporary folder harms nothing
        }
    }
}
