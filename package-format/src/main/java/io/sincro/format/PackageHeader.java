package io.sincro.format;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a package says about itself before its rows.
 *
 * @param formatVersion   the package format it is written in
 * @param stream          whose packages these are; the sender and recipient follow from it
 * @param sequence        its number in the stream
 * @param kind            a full snapshot or a delta
 * @param basedOn         for a delta, the stream's package it follows: it holds every change made
 *                        after that one, so a station that imported {@code basedOn} (or later) can
 *                        import it; 0 for a full snapshot or a delta since the beginning
 * @param createdAt       when it was written, in UTC, by the sender's clock
 * @param senderClock     the sender's wall clock at that moment, with its UTC offset, so the
 *                        receiver can tell how far apart the two clocks are (and a wrong time
 *                        zone shows)
 * @param acknowledgements the highest sequence the sender has imported from each stream of the other side
 * @param counts          rows and deletions per section
 * @param epoch           the identity of the sender's database when it wrote the package (format
 *                        version 3), or null when it does not say: a database restored from a backup
 *                        or made again takes a new one, so a number its streams used before with
 *                        other content is never taken for a package imported before
 * @param notes           what the sender tells about itself (version 3): an agent's request for full
 *                        packages and its sync health, the head office's view of the agent's clock
 */
public record PackageHeader(
        int formatVersion,
        PackageStream stream,
        long sequence,
        PackageKind kind,
        long basedOn,
        Instant createdAt,
        OffsetDateTime senderClock,
        List<Acknowledgement> acknowledgements,
        List<EntityCount> counts,
        String epoch,
        StationNotes notes) {

    /**
     * The version this build writes. Version 2 added an order status's expected delivery, change
     * time and author, version 3 the header's epoch and {@link StationNotes}; an older reader's schema
     * would refuse either.
     */
    public static final int FORMAT_VERSION = 3;
    /**
     * The versions this build reads: a version 1 document is a version 2 one without what 2 added, a
     * version 2 one a version 3 one without the sender's epoch and notes.
     */
    public static final List<Integer> READABLE_VERSIONS = List.of(1, 2, 3);
    /** An epoch: 1 to 32 lower-case letters and digits (Sincro writes 32 hex digits, 128 random bits). */
    private static final Pattern EPOCH = Pattern.compile("[0-9a-z]{1,32}");

    /** A header whose sender says neither its epoch nor anything about itself (as a version 1 or 2 document). */
    public PackageHeader(int formatVersion, PackageStream stream, long sequence, PackageKind kind, long basedOn,
                         Instant createdAt, OffsetDateTime senderClock, List<Acknowledgement> acknowledgements,
                         List<EntityCount> counts) {
        this(formatVersion, stream, sequence, kind, basedOn, createdAt, senderClock, acknowledgements, counts, null,
                StationNotes.NONE);
    }

    public PackageHeader {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(senderClock, "senderClock");
        acknowledgements = List.copyOf(acknowledgements);
        counts = List.copyOf(counts);
        Objects.requireNonNull(notes, "notes");
        if (sequence < 1 || sequence > PackageName.MAX_SEQUENCE) {
            throw new IllegalArgumentException("package sequence numbers run from 1 to " + PackageName.MAX_SEQUENCE
                    + ", not " + sequence);
        }
        if (basedOn < 0 || basedOn >= sequence) {
            throw new IllegalArgumentException("package " + sequence + " of " + stream
                    + " cannot be based on package " + basedOn + "; it must follow an earlier one (or 0)");
        }
        if (kind == PackageKind.FULL && basedOn != 0) {
            throw new IllegalArgumentException("a full package is based on nothing, not on package " + basedOn);
        }
        if (epoch != null && !EPOCH.matcher(epoch).matches()) {
            throw new IllegalArgumentException("an epoch is 1 to 32 lower-case letters and digits, not '" + epoch + "'");
        }
        boolean fromAgent = stream.direction() == PackageStream.Direction.AGENT_TO_HEAD_OFFICE;
        if (!fromAgent && (!notes.asksFull().isEmpty() || notes.health().isPresent())) {
            throw new IllegalArgumentException("only an agent's package asks for full packages or says how its syncs"
                    + " stand, not one of " + stream);
        }
        if (notes.clockSeen().isPresent() && stream.direction() != PackageStream.Direction.HEAD_OFFICE_TO_AGENT) {
            throw new IllegalArgumentException("only the head office's package to an agent says how its clock was"
                    + " seen, not one of " + stream);
        }
        if (notes.clockSeen().isPresent()
                && !notes.clockSeen().get().seenIn().stream().equals(PackageStream.fromAgent(stream.agentCode()))) {
            throw new IllegalArgumentException("the head office tells agent " + stream.agentCode() + " of its clock as"
                    + " seen in " + notes.clockSeen().get().seenIn() + ", which is not one of its packages");
        }
        for (StationNotes.FullRequest asked : notes.asksFull()) {
            if (!asked.stream().isReadBy(stream.sender())) {
                throw new IllegalArgumentException(stream.sender() + " asks for stream " + asked.stream()
                        + " in full, which it does not read");
            }
        }
    }

    /** The same header, written by a database of identity {@code newEpoch}. */
    public PackageHeader withEpoch(String newEpoch) {
        return new PackageHeader(formatVersion, stream, sequence, kind, basedOn, createdAt, senderClock,
                acknowledgements, counts, newEpoch, notes);
    }

    /** The sender's epoch, when the package says it. */
    public Optional<String> senderEpoch() {
        return Optional.ofNullable(epoch);
    }

    public PackageName name() {
        return new PackageName(stream, sequence);
    }

    public String sender() {
        return stream.sender();
    }

    public String recipient() {
        return stream.recipient();
    }

    public PackageHeader withCounts(List<EntityCount> newCounts) {
        return new PackageHeader(formatVersion, stream, sequence, kind, basedOn, createdAt, senderClock,
                acknowledgements, newCounts, epoch, notes);
    }

    public PackageHeader withNotes(StationNotes newNotes) {
        return new PackageHeader(formatVersion, stream, sequence, kind, basedOn, createdAt, senderClock,
                acknowledgements, counts, epoch, newNotes);
    }

    public Optional<EntityCount> count(Entity entity) {
        return counts.stream().filter(c -> c.entity() == entity).findFirst();
    }

    public long totalRows() {
        return counts.stream().mapToLong(EntityCount::total).sum();
    }

    /**
     * How far the receiver's clock reading {@code receivedAt} is from the sender's when it wrote
     * the package: positive when the receiver is later, which includes the time the package spent
     * in the mailbox; a negative figure means the sender's clock is ahead by at least that much.
     */
    public Duration clockDifference(Instant receivedAt) {
        return Duration.between(senderClock.toInstant(), receivedAt);
    }
}
