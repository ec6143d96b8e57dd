;;; Seed bug (d): two writers put their own keys into one shared raw table. Under --locks none
;;; nothing serializes them, so both can probe the same unused entry and one insert is lost, a
;;; rehash can install its empty vector under the other writer, and the counters can drift:
;;;
;;;   ./safepoint explore examples/table-unlocked-writers.ss --locks none -p 2    fails on seed 1:
;;;                                                            the count drifted (lost count updates)
;;;   ./safepoint run examples/table-unlocked-writers.ss --locks none -p 2 --seed 96
;;;                                                            a lost insert: key 3 is gone
;;;   ./safepoint explore examples/table-unlocked-writers.ss -p 2                 passes (per-table)
;;;   ./safepoint explore examples/table-unlocked-writers.ss --locks global -p 2  passes, all tables
;;;                                                            serialized on one lock
;;; The same program passes under per-table, lock-after-probe and lock-free-reads too: the fix is
;;; a policy, or a lock: mutex (examples/table-unlocked-writers-fixed.ss).

(define registry (make-hash-table-eqv size: 2))   ; 16 slots: the 6th insert rehashes

(define (writer keys)
  (lambda () (for-each (lambda (k) (hash-put! registry k (* k k))) keys)))

(define writers
  (list (make-thread (writer '(1 2 3 4)) 'a)
        (make-thread (writer '(11 12 13 14)) 'b)))
(for-each thread-start! writers)
(for-each thread-join! writers)

(for-each (lambda (k)
            (unless (eqv? (hash-get registry k) (* k k)) (error "lost insert: key missing" k)))
          '(1 2 3 4 11 12 13 14))
(unless (= (hash-length registry) 8) (error "count drifted:" (hash-length registry)))
(display (hash-length registry))
(newline)
