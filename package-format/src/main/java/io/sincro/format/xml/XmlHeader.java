package io.sincro.format.xml;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import io.sincro.format.Acknowledgement;
import io.sincro.format.Entity;
import io.sincro.format.EntityCount;
import io.sincro.format.PackageHeader;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageStream;

/** The {@code header} element. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"stream", "sender", "recipient", "sequence", "kind", "basedOn", "createdAt", "senderClock",
        "catalogUpTo", "acknowledges", "counts", "epoch"})
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
    /** Format version 3: the sender database's identity; optional, last, so a version 2 header is a version 3 one. */
    @XmlElement
    String epoch;

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
                acks, entityCounts, epoch);
    }
}
