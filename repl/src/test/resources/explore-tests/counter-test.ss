;;; A test file that is also a concurrency test: `safepoint test FILE --explore` searches the
;;; schedules of each case. The locked counter is proven by dfs; the unlocked one loses an
;;; increment on some schedule, which the search finds (and a plain run may well not).
(import :std/test)
(export counter-test)

(def (count-with-threads lock?)
  (def n 0)
  (def m (make-mutex 'n))
  (def (bump!)
    (when lock? (mutex-lock! m))
    (let ((v n)) (thread-yield!) (set! n (+ v 1)))
    (when lock? (mutex-unlock! m)))
  (for-each thread-join! (list (spawn bump!) (spawn bump!)))
  n)

(def counter-test
  (test-suite "counters"
    (test-case "a locked counter counts both"
      (check (count-with-threads #t) => 2))
    (test-case "an unlocked counter"
      (check (count-with-threads #f) => 2))))
