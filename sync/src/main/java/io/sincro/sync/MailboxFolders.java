package io.sincro.sync;

import io.sincro.exchange.Folder;
import io.sincro.format.PackageStream;

/** Where each stream's packages wait: SincroAg/A01, SincroSede/A01, and the catalog in SincroSede itself. */
final class MailboxFolders {

    private MailboxFolders() {
    }

    static Folder of(PackageStream stream) {
        return switch (stream.direction()) {
            case AGENT_TO_HEAD_OFFICE -> Folder.fromAgent(stream.agentCode());
            case HEAD_OFFICE_TO_AGENT -> Folder.toAgent(stream.agentCode());
            // one copy for every agent; agent codes are capitals, so no agent folder can clash with it
            case CATALOG -> Folder.SINCRO_SEDE;
        };
    }
}
