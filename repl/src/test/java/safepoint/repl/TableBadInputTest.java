package safepoint.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * When the user's hash:, test: or update procedure raises and a handler escapes, every lock the
 * operation holds is given back: the table's lock: mutex (the lock: wind), and the policy's own
 * spinlock (the operation is abandoned). Before, the next operation on the table spun for ever.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TableBadInputTest {
    static final String TABLE = "(def mx (make-mutex 'tbl)) "
            + "(def h (make-hash-table hash: (lambda (k) (if (eq? k 'bad) (error \"bad key\") 7)) test: equal? lock: mx)) ";

    @ParameterizedTest
    @ValueSource(strings = {"none", "global", "per-table", "striped-address", "lock-after-probe", "lock-free-reads"})
    void aRaisingHashProcedureGivesBackTheMutexAndThePolicysLock(String policy) throws Exception {
        CliTest.Result r = CliTest.run("", "-e", "(begin " + TABLE
                + "(list (with-catch error-object-message (lambda () (hash-put! h 'bad 1))) (mutex-state mx)"
                + " (begin (hash-put! h 'a 1) (hash-ref h 'a))))", "--locks", policy);
        assertEquals("(\"bad key\" not-abandoned 1)\n", r.out(), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "global", "per-table", "striped-address", "lock-after-probe", "lock-free-reads"})
    void aRaisingUpdateProcedureGivesBackItsLocksAndLeavesTheValueAlone(String policy) throws Exception {
        CliTest.Result r = CliTest.run("", "-e", "(begin " + TABLE + "(hash-put! h 'a 1) "
                + "(list (with-catch error-object-message (lambda () (hash-update! h 'a (lambda (v) (error \"no update\")))))"
                + " (mutex-state mx) (hash-ref h 'a) (begin (hash-put! h 'b 2) (hash-ref h 'b))))", "--locks", policy);
        assertEquals("(\"no update\" not-abandoned 1 2)\n", r.out(), r.err());
    }
}
