;;; Seed bug 5(e): address-striped table locks and a moving GC (Gambit PR #989's first design).
;;; Under --locks striped-address a table operation locks stripe (address >> 6) & 63 of the
;;; table's address, and at its end unlocks the stripe of the address the table has THEN. Thread a
;;; looks a key up; the table's test: procedure allocates until the GC runs, inside the critical
;;; section, and the collector moves the table. The release clears another stripe; the stripe
;;; taken stays locked for ever. Thread b then works on tables of its own: the first one whose
;;; address maps to that stripe spins on it, without polls (a C spin), and the next GC waits for
;;; b's processor at the barrier for ever.
;;;
;;;   ./safepoint explore examples/table-stripe-moved.ss --locks striped-address -p 2   (found)
;;;   ./safepoint explore examples/table-stripe-moved.ss --locks lock-after-probe -p 2  (passes)
;;;
;;; Under lock-after-probe the probe (and the test: procedure in it) runs unlocked, the stripe is
;;; taken only to write, verified, and nothing between lock and unlock can GC.

(define in-test-gc #f)
(define (key=? x y)
  (when in-test-gc (set! in-test-gc #f) (gc)) ; the GC comes inside the operation
  (equal? x y))
(define shared (make-hash-table test: key=? hash: equal-hash))
(hash-put! shared 'k 1)
(set! in-test-gc #t)

(define a (make-thread (lambda () (hash-ref shared 'k)) 'a))
(thread-start! a)
(thread-join! a)

(define b (make-thread (lambda ()
                         (let loop ((i 0))
                           (when (< i 100)
                             (hash-put! (make-hash-table) i i)
                             (loop (+ i 1)))))
                       'b))
(thread-start! b)
(thread-sleep! 0.01)
(gc)
(thread-join! b)
(display "every stripe was released")
(newline)
