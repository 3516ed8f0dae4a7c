package dev.millrace.metadata;

/**
 * Told about every committed metadata change. Called on the controller thread, after the change
 * is on disk and published, in commit order; a listener must not call the controller's mutating
 * methods. A listener should not throw: the change is committed whatever it does, so the controller
 * catches the exception, goes on notifying the other listeners and keeps it for
 * {@link Controller#listenerFailures()}.
 */
@FunctionalInterface
public interface MetadataListener {
    /** Called with the image before and after one committed batch. */
    void onImage(MetadataImage previous, MetadataImage next);
}
