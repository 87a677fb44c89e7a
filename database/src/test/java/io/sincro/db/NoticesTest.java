package io.sincro.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.db.notices.Notice;
import io.sincro.db.notices.Notice.State;
import io.sincro.db.notices.Notices;
import io.sincro.db.testing.NewStation;
import io.sincro.db.testing.TestClock;

class NoticesTest {

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");

    @RegisterExtension
    final NewStation station = NewStation.headOffice(clock);

    private final Notices notices = new Notices();

    @Test
    void aFailedNoticeStaysQueuedWithItsErrorUntilItIsSent() {
        station.db().useTransaction(c -> notices.queue(c, clock.instant(), "sync", List.of("a@x.test", "b@x.test"),
                "Sync", "2 orders"));
        long id = station.db().inTransaction(c -> notices.queued(c)).get(0).id();

        station.db().useTransaction(c -> notices.failed(c, id, clock.instant(),
                "mail.example.test: connection refused"));
        Notice failed = station.db().inTransaction(c -> notices.queued(c)).get(0);
        station.db().useTransaction(c -> notices.sent(c, id, clock.instant()));

        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.recipients()).containsExactly("a@x.test", "b@x.test");
        assertThat(failed.lastError()).contains("mail.example.test: connection refused");
        List<Notice> queued = station.db().inTransaction(c -> notices.queued(c));
        List<Notice> latest = station.db().inTransaction(c -> notices.latest(c, 5));

        assertThat(queued).isEmpty();
        assertThat(latest).extracting(Notice::state, Notice::attempts).containsExactly(tuple(State.SENT, 2));
    }

    @Test
    void closingTheQueueLeavesNothingToSendAndSaysWhy() {
        station.db().useTransaction(c -> notices.queue(c, clock.instant(), "sync", List.of("a@x.test"), "Sync",
                "body"));

        int closed = station.db().inTransaction(c -> notices.closeQueued(c, clock.instant(), "no mail server is set"));

        assertThat(closed).isEqualTo(1);
        List<Notice> queued = station.db().inTransaction(c -> notices.queued(c));
        List<Notice> latest = station.db().inTransaction(c -> notices.latest(c, 1));
        assertThat(queued).isEmpty();
        assertThat(latest.get(0).state()).isEqualTo(State.NOT_SENT);
    }

    @Test
    void aTopicQueuedInTheLastDayIsFoundAndAnOlderOneIsNot() {
        station.db().useTransaction(c -> notices.queue(c, clock.instant(), "overdue A01", List.of("a@x.test"), "s",
                "b"));
        clock.advance(Duration.ofHours(25));

        boolean inTheLastDay = station.db().inTransaction(c -> notices.queuedSince(c, "overdue A01",
                clock.instant().minus(Duration.ofDays(1))));
        boolean inTheLastTwoDays = station.db().inTransaction(c -> notices.queuedSince(c, "overdue A01",
                clock.instant().minus(Duration.ofDays(2))));

        assertThat(inTheLastDay).isFalse();
        assertThat(inTheLastTwoDays).isTrue();
    }
}
