package safepoint.tables;

/** Where a {@link TableOp} stands; each operation uses a subset. The AWAIT phases wait for {@link TableOp#supply}. */
enum Phase {
    CHECK, BEGIN, AWAIT_HASH, HASHED, PROBE, AWAIT_TEST, TESTED,
    READ_VALUE, WRITE_KEY, AWAIT_UPDATE, UPDATED, WRITE_VALUE, READ_COUNTS, WRITE_COUNTS,
    ALLOCATE, INSTALL, SCAN, PUBLISH, CAPTURE, COPY, FILL, RESET,
    PREPARE, ACQUIRE, LOCKED, VERIFY, RELEASE, DONE;

    boolean awaiting() {
        return this == AWAIT_HASH || this == AWAIT_TEST || this == AWAIT_UPDATE;
    }

    String text() {
        return name().toLowerCase().replace('_', '-');
    }
}
