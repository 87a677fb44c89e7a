package io.sincro.web.agent.log;

import java.util.List;

import io.sincro.db.journal.JournalEntry;

/** The latest entries of the station's journal, newest first. */
public record LogView(List<JournalEntry> entries) {
}
