package io.sincro.sync;

import java.util.ArrayList;
import java.util.List;

/** What a sync in progress has done so far; becomes its {@link SyncReport}. */
final class SyncRun {

    final List<SyncReport.Transfer> sent = new ArrayList<>();
    final List<SyncReport.Transfer> received = new ArrayList<>();
    final List<String> removed = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    private boolean sendFailed;
    private boolean receiveFailed;
    private boolean receiveDone;
    private boolean mailboxUnusable;

    void sendProblem(String problem) {
        problems.add(problem);
        sendFailed = true;
    }

    void receiveProblem(String problem) {
        problems.add(problem);
        receiveFailed = true;
    }

    /** The receive step went through every stream (whether or not a stream stopped). */
    void receiveDone() {
        receiveDone = true;
    }

    /** Whether everything waiting for this station was imported. */
    boolean receivedAll() {
        return receiveDone && !receiveFailed;
    }

    /** The mailbox cannot be reached or logged in to: every later step would fail alike, after its own retries. */
    void mailboxUnusable() {
        mailboxUnusable = true;
    }

    /** Whether the sync must stop here, its one problem already said. */
    boolean stopped() {
        return mailboxUnusable;
    }

    boolean sendFailed() {
        return sendFailed;
    }

    boolean receiveFailed() {
        return receiveFailed;
    }
}
