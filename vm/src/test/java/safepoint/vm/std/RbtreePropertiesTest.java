package safepoint.vm.std;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import safepoint.vm.VmFixture;

/**
 * :std/misc/rbtree against a sorted map (Java's TreeMap): a random run of destructive and
 * functional puts and removes and of lookups, where after every operation the tree's
 * associations in order equal the model's, a functional update leaves the old tree as it was,
 * and the red-black invariants hold (the module's %rbtree-invariant-violation is #f); at the
 * end both folds and the key iterator give the model's order. One Scheme evaluation per try:
 * the program runs the operations and returns what it saw, which is compared with what the
 * model predicts. (A VmFixture's deadline stops a runaway program: jqwik ignores JUnit's @Timeout.)
 */
class RbtreePropertiesTest {
    /** kind: 0 put!, 1 remove!, 2 rbtree-put, 3 rbtree-remove, 4 rbtree-get. */
    record Op(int kind, int key, int value) {
        String scheme() {
            return "(" + kind + " " + key + " " + value + ")";
        }
    }

    @Provide
    Arbitrary<List<Op>> runs() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 40),
                Arbitraries.integers().between(0, 999)).as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(80);
    }

    private static final String PROGRAM = """
            (import :std/misc/rbtree :std/iter)
            (def (run ops)
              (let ((t (make-rbtree -)) (log '()))
                (def (note! x) (set! log (cons (list (%rbtree-invariant-violation t) x) log)))
                (for-each
                  (lambda (op)
                    (let ((kind (car op)) (k (cadr op)) (v (caddr op)))
                      (case kind
                        ((0) (rbtree-put! t k v) (note! (rbtree->list t)))
                        ((1) (rbtree-remove! t k) (note! (rbtree->list t)))
                        ((2 3) (let* ((before (rbtree->list t))
                                      (t2 (if (= kind 2) (rbtree-put t k v) (rbtree-remove t k)))
                                      (same (equal? before (rbtree->list t))))
                                 (set! t t2)
                                 (note! (cons same (rbtree->list t)))))
                        (else (note! (rbtree-get t k))))))
                  ops)
                (list (reverse log)
                      (rbtree-foldr (lambda (k v acc) (cons k acc)) '() t)
                      (rbtree-fold (lambda (k v acc) (cons k acc)) '() t)
                      (for/collect (k (in-rbtree-keys t)) k))))
            """;

    @Property(tries = 40)
    void behavesAsASortedMapAndStaysRedBlack(@ForAll("runs") List<Op> ops) {
        VmFixture f = new VmFixture(PROGRAM);
        StringBuilder in = new StringBuilder("(run '(");
        for (Op op : ops) in.append(op.scheme());
        String got = f.eval(in.append("))").toString());

        TreeMap<Integer, Integer> model = new TreeMap<>();
        StringBuilder log = new StringBuilder("((");
        for (Op op : ops) {
            log.append(log.length() > 2 ? " " : "").append("(#f ");
            switch (op.kind) {
                case 0 -> log.append(alist(put(model, op)));
                case 1 -> log.append(alist(remove(model, op)));
                case 2 -> log.append("(#t ").append(alist(put(model, op)).substring(1));
                case 3 -> log.append("(#t ").append(alist(remove(model, op)).substring(1));
                default -> log.append(model.containsKey(op.key) ? model.get(op.key).toString() : "#f");
            }
            log.append(')');
        }
        log.append(") ").append(keys(model.keySet())).append(' ').append(keys(model.descendingKeySet()))
                .append(' ').append(keys(model.keySet())).append(')');
        assertEquals(log.toString().replace("(#t )", "(#t)"), got);
    }

    private static TreeMap<Integer, Integer> put(TreeMap<Integer, Integer> m, Op op) {
        m.put(op.key, op.value);
        return m;
    }

    private static TreeMap<Integer, Integer> remove(TreeMap<Integer, Integer> m, Op op) {
        m.remove(op.key);
        return m;
    }

    private static String alist(Map<Integer, Integer> m) {
        StringBuilder b = new StringBuilder("(");
        for (Map.Entry<Integer, Integer> e : m.entrySet()) {
            b.append(b.length() > 1 ? " " : "").append('(').append(e.getKey()).append(" . ").append(e.getValue()).append(')');
        }
        return b.append(')').toString();
    }

    private static String keys(Iterable<Integer> ks) {
        StringBuilder b = new StringBuilder("(");
        for (Integer k : ks) b.append(b.length() > 1 ? " " : "").append(k);
        return b.append(')').toString();
    }
}
