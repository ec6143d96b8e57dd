package safepoint.tables;

/**
 * How a policy finds the lock of a table: the lock to take now, whether the one taken is still the
 * right one, and the lock to release at the end. Identity-found locks never change; address-found
 * ones are recomputed from the table's address, which a moving GC changes.
 */
interface LockSite {
    Object lockNow(TableHost host);

    /** Right after taking {@code held}: false when the table's lock has changed meanwhile (retry). */
    default boolean stillRight(TableHost host, Object held) {
        return true;
    }

    /** The lock the release clears; {@code held} is the one taken. */
    default Object toRelease(TableHost host, Object held) {
        return held;
    }

    /** One lock found by identity: the global lock, or a table's own. */
    record Fixed(Object lock) implements LockSite {
        @Override
        public Object lockNow(TableHost host) {
            return lock;
        }
    }

    /**
     * PR #989's first design: the stripe of the table's address when locking, and again when
     * unlocking. If a GC moved the table in between, the release clears another stripe (perhaps
     * one someone else holds) and the taken one stays locked forever: scenario 5(e).
     */
    record Striped(TableLocks locks, Object table, long[] lockedAt) implements LockSite {
        Striped(TableLocks locks, Object table) {
            this(locks, table, new long[1]);
        }

        @Override
        public Object lockNow(TableHost host) {
            long a = host.address(table);
            lockedAt[0] = a;
            return locks.stripe(TableLocks.stripeOf(a), host);
        }

        @Override
        public Object toRelease(TableHost host, Object held) {
            long taken = lockedAt[0];
            Object now = lockNow(host);
            if (now != held) {
                // the release is a step of its own: a failing interleaving shows the wrong stripe cleared
                host.stepped(table, new TableStep.StrandedRelease(TableLocks.stripeOf(taken), TableLocks.stripeOf(lockedAt[0]), taken, lockedAt[0]));
                host.strandedStripe(table, held, now, taken, lockedAt[0]);
            }
            return now;
        }
    }

    /**
     * The stripe of the table's address, re-verified once held (lock-after-probe): a table the GC
     * moved while we waited maps to another stripe now, so let go and take that one. Nothing in the
     * critical section can GC, so the stripe held is the one released.
     */
    record Verified(TableLocks locks, Object table) implements LockSite {
        @Override
        public Object lockNow(TableHost host) {
            return new Striped(locks, table).lockNow(host);
        }

        @Override
        public boolean stillRight(TableHost host, Object held) {
            return lockNow(host) == held;
        }
    }
}
