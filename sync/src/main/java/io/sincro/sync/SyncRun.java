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

    boolean sendFailed() {
        return sendFailed;
    }

    boolean receiveFailed() {
        return receiveFailed;
    }
}
