package dev.millrace.streams.processor;

import java.io.IOException;

/** Called by the runtime after it has committed the offsets of a task, so that a store can record them. */
public interface CommitCallback {

    /**
     * Reacts to a completed commit.
     *
     * @throws IOException if recording the commit fails
     */
    void onCommit() throws IOException;
}
