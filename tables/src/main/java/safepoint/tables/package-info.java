/**
 * Gerbil's tables as a library (see DESIGN.md "Tables"); knows nothing of the VM, which implements
 * {@link safepoint.tables.TableHost}.
 *
 * <h2>Concurrency rule (read this first)</h2>
 * A {@link safepoint.tables.RawTable} is UNSYNCHRONIZED, by design, as in Gerbil: no lock, no
 * volatile, no atomic. Callers that share a table between processors must serialize its writers
 * themselves (a locking policy, {@code lock:}); the point of this model is to let them fail to.
 * <ul>
 * <li>Every operation is a {@link safepoint.tables.TableOp}: a step machine whose state (captured
 *     vector, probe index, first tombstone, phase) lives in its fields. Between any two steps of one
 *     op, steps of other ops on the same table may run. Nothing here checks for that.</li>
 * <li>A step touches at most one slot (or slot pair) of a vector, or one group of the table's fields
 *     (count+free read together; table+count+free written together by a rehash install). Gerbil's
 *     order of effects is kept: key slot, then value slot, then count/free read, then count/free
 *     write; so two writers can both claim one unused slot, tear a key from its value, or lose a
 *     counter update, as on SMP hardware (reference 5(d)).</li>
 * <li>Ref, set, update and delete read the table's vector and seed once, at their first probe step,
 *     and walk and write that vector to the end even if a rehash installs another meanwhile: a write
 *     into a replaced vector is lost. They assume a walk meets an unused entry; if the counters have
 *     drifted so that none is left, a miss probes forever (one step at a time, so it can be seen).</li>
 * <li>Set and update first check {@code free < slots/4}; if so they run a rehash as a child op, which
 *     installs the new EMPTY vector first and then re-inserts entry by entry: a reader in that window
 *     misses keys that are there. The table never shrinks.</li>
 * <li>For-each walks the vector captured at its first step. Copy copies the fields, then the vector
 *     (as it is one step later), one entry per step. Clear fills the same vector, then resets count
 *     and free.</li>
 * <li>A PROCEDURE hash or test is never called here: the op returns NeedHash/NeedTest and the VM
 *     calls the Scheme procedure, which may run anything (even ops on this table) before it
 *     {@linkplain safepoint.tables.TableOp#supply supplies} the answer. Builtin hashes and tests are
 *     computed by the host inside a step and must not call back into the table.</li>
 * </ul>
 * One op object belongs to one caller at a time (it is not shared); sharing is of the table only.
 *
 * <h2>Locking policies</h2>
 * A {@link safepoint.tables.Locking} wraps a table's ops as its {@link safepoint.tables.Policy} says
 * (one class per policy). Lock words are the host's ({@link safepoint.tables.TableHost#tryLock}); a
 * failed try is a {@link safepoint.tables.Step.Spin} step, never a Java wait, and says whether the
 * wait polls. The rules the policies differ by, each enforced where written: whether the critical
 * section may allocate ({@code Guard}'s allocate-first), how the lock is found
 * ({@code LockSite}: identity, or a stripe of the address), and whether readers lock at all
 * ({@code LockFreeReads}, with a publishing table). Under every policy an op still runs step by
 * step; a lock only decides whose steps may run between them.
 */
package safepoint.tables;
