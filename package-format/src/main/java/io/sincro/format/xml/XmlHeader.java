package io.sincro.format.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

import io.sincro.format.Acknowledgement;
import io.sincro.format.Entity;
import io.sincro.format.EntityCount;
import io.sincro.format.PackageHeader;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageName;
import io.sincro.format.PackageStream;
import io.sincro.format.StationNotes;

/** The {@code header} element. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"stream", "sender", "recipient", "sequence", "kind", "basedOn", "createdAt", "senderClock",
        "catalogUpTo", "acknowledges", "counts", "epoch", "asksFull", "health", "clockSeen"})
final class XmlHeader {

    @XmlElement(required = true)
    String stream;
    @XmlElement(required = true)
    String sender;
    @XmlElement(required = true)
    String recipient;
    @XmlElement(required = true)
    long sequence;
    @XmlElement(required = true)
    String kind;
    @XmlElement
    Long basedOn;
    @XmlElement(required = true)
    String createdAt;
    @XmlElement(required = true)
    String senderClock;
    @XmlElement
    Long catalogUpTo;
    @XmlElement(name = "acknowledges")
    List<Ack> acknowledges = new ArrayList<>();
    @XmlElement(name = "count")
    List<Count> counts = new ArrayList<>();
    /** Format version 3: the sender database's identity; optional, so a version 2 header is a version 3 one. */
    @XmlElement
    String epoch;
    // version 3: what the sender tells about itself (StationNotes)
    @XmlElement(name = "asksFull")
    List<AsksFull> asksFull = new ArrayList<>();
    @XmlElement
    Health health;
    @XmlElement
    ClockSeen clockSeen;

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class AsksFull {
        @XmlAttribute(required = true)
        String stream;
        @XmlAttribute(required = true)
        long after;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"lastError", "waiting"})
    static final class Health {
        @XmlAttribute(required = true)
        int setAside;
        @XmlElement
        LastError lastError;
        @XmlElement(name = "waiting")
        List<Waiting> waiting = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class LastError {
        @XmlAttribute(required = true)
        String at;
        @XmlValue
        String text;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Waiting {
        @XmlAttribute(required = true)
        String stream;
        @XmlValue
        String reason;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class ClockSeen {
        @XmlAttribute(required = true)
        long aheadSeconds;
        @XmlAttribute(required = true)
        String seenIn;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Ack {
        @XmlAttribute(required = true)
        String stream;
        @XmlAttribute(required = true)
        long sequence;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Count {
        @XmlAttribute(required = true)
        String entity;
        @XmlAttribute(required = true)
        long rows;
        @XmlAttribute(required = true)
        long deletions;
    }

    static XmlHeader of(PackageHeader h) {
        XmlHeader x = new XmlHeader();
        x.stream = h.stream().id();
        x.sender = h.sender();
        x.recipient = h.recipient();
        x.sequence = h.sequence();
        x.kind = h.kind().name();
        x.basedOn = h.kind() == PackageKind.DELTA ? h.basedOn() : null;
        x.createdAt = XmlValues.instant(h.createdAt());
        x.senderClock = XmlValues.clock(h.senderClock());
        for (Acknowledgement a : h.acknowledgements()) {
            Ack ack = new Ack();
            ack.stream = a.stream().id();
            ack.sequence = a.sequence();
            x.acknowledges.add(ack);
        }
        for (EntityCount c : h.counts()) {
            Count count = new Count();
            count.entity = c.entity().section();
            count.rows = c.rows();
            count.deletions = c.deletions();
            x.counts.add(count);
        }
        x.epoch = h.epoch();
        StationNotes notes = h.notes();
        for (StationNotes.FullRequest r : notes.asksFull()) {
            AsksFull asks = new AsksFull();
            asks.stream = r.stream().id();
            asks.after = r.after();
            x.asksFull.add(asks);
        }
        notes.health().ifPresent(health -> {
            x.health = new Health();
            x.health.setAside = health.setAside();
            health.lastError().ifPresent(e -> {
                x.health.lastError = new LastError();
                x.health.lastError.at = XmlValues.instant(e.at());
                x.health.lastError.text = e.text();
            });
            for (StationNotes.Waiting w : health.waiting()) {
                Waiting waiting = new Waiting();
                waiting.stream = w.stream().id();
                waiting.reason = w.reason();
                x.health.waiting.add(waiting);
            }
        });
        notes.clockSeen().ifPresent(seen -> {
            x.clockSeen = new ClockSeen();
            x.clockSeen.aheadSeconds = seen.aheadSeconds();
            x.clockSeen.seenIn = seen.seenIn().fileName();
        });
        return x;
    }

    /**
     * The header as a record; {@code formatVersion} comes from the root element.
     *
     * @throws IllegalArgumentException when the header contradicts itself
     */
    PackageHeader toRecord(int formatVersion) {
        PackageStream s = PackageStream.parse(stream).orElseThrow(() -> new IllegalArgumentException("'" + stream + "' is not a stream"));
        if (!s.sender().equals(sender) || !s.recipient().equals(recipient)) {
            throw new IllegalArgumentException("the header names sender " + sender + " and recipient " + recipient
                    + ", but stream " + stream + " goes from " + s.sender() + " to " + s.recipient());
        }
        PackageKind k = PackageKind.valueOf(kind);
        if (k == PackageKind.FULL && basedOn != null) {
            throw new IllegalArgumentException("a FULL package is based on nothing, yet the header says basedOn " + basedOn);
        }
        List<Acknowledgement> acks = new ArrayList<>();
        for (Ack a : acknowledges) {
            acks.add(new Acknowledgement(PackageStream.parse(a.stream).orElseThrow(
                    () -> new IllegalArgumentException("'" + a.stream + "' is not a stream")), a.sequence));
        }
        List<EntityCount> entityCounts = new ArrayList<>();
        for (Count c : counts) {
            Entity entity = Entity.ofSection(c.entity);
            if (entityCounts.stream().anyMatch(e -> e.entity() == entity)) {
                throw new IllegalArgumentException("the header counts " + c.entity + " twice");
            }
            entityCounts.add(new EntityCount(entity, c.rows, c.deletions));
        }
        return new PackageHeader(formatVersion, s, sequence, k, basedOn == null ? 0 : basedOn,
                XmlValues.instant(createdAt, "createdAt"), XmlValues.clock(senderClock, "senderClock"),
                acks, entityCounts, epoch, notes());
    }

    private StationNotes notes() {
        List<StationNotes.FullRequest> asked = new ArrayList<>();
        for (AsksFull a : asksFull) {
            asked.add(new StationNotes.FullRequest(stream(a.stream), a.after));
        }
        Optional<StationNotes.SyncHealth> told = Optional.empty();
        if (health != null) {
            List<StationNotes.Waiting> waits = new ArrayList<>();
            for (Waiting w : health.waiting) {
                waits.add(new StationNotes.Waiting(stream(w.stream), w.reason == null ? "" : w.reason));
            }
            Optional<StationNotes.Problem> error = health.lastError == null ? Optional.empty()
                    : Optional.of(new StationNotes.Problem(XmlValues.instant(health.lastError.at, "lastError"),
                            health.lastError.text == null ? "" : health.lastError.text));
            told = Optional.of(new StationNotes.SyncHealth(error, waits, health.setAside));
        }
        Optional<StationNotes.ClockSeen> seen = clockSeen == null ? Optional.empty()
                : Optional.of(new StationNotes.ClockSeen(clockSeen.aheadSeconds, PackageName.parse(clockSeen.seenIn)
                        .orElseThrow(() -> new IllegalArgumentException("clockSeen names no package"))));
        return new StationNotes(asked, told, seen);
    }

    private static PackageStream stream(String id) {
        return PackageStream.parse(id).orElseThrow(() -> new IllegalArgumentException("'" + id + "' is not a stream"));
    }
}
