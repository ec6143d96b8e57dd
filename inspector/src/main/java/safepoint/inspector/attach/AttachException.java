package safepoint.inspector.attach;

/** Attaching failed: the message says why in a person's words (no trace reaches the user). */
public final class AttachException extends Exception {
    public AttachException(String message) {
        super(message, null, false, false);
    }
}
