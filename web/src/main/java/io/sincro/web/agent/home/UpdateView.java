package io.sincro.web.agent.home;

import java.time.Instant;
import java.util.List;

/**
 * What the last check for new data from the head office found; it applied nothing.
 *
 * @param checkedAt when it looked
 * @param waiting   packages waiting in the mailbox for this station
 * @param notes     what else the check said (the head office has not published for this agent yet)
 * @param failure   why the mailbox could not be checked, in one sentence (null: it could)
 */
public record UpdateView(Instant checkedAt, int waiting, List<String> notes, String failure) {

    public UpdateView {
        notes = List.copyOf(notes);
    }
}
