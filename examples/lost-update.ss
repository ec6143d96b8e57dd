;;; A check-then-act race: two workers each read a shared counter, then write it back plus one.
;;; When one worker reads between the other's read and write, an update is lost.
;;;
;;;   ./safepoint explore examples/lost-update.ss                   finds it (random schedules)
;;;   ./safepoint explore examples/lost-update.ss --strategy dfs    finds it with the fewest
;;;                                                                 preemptions (one)
;;; The interleaving explore prints shows both reads of the same value before either write.
;;; trace-read and trace-write return their value and mark the access to the shared location
;;; for the interleaving (and for the race detector). The fix is examples/lost-update-fixed.ss.

(define counter 0)

(define (busy name n)                  ; work on private data: more places to be preempted
  (let loop ((i 0))
    (when (< i n) (trace-write name i) (loop (+ i 1)))))

(define (increment!)
  (let ((seen (trace-read 'counter counter)))
    (set! counter (trace-write 'counter (+ seen 1)))))

(define (worker name)
  (lambda () (busy name 3) (increment!) (busy name 3)))

(define workers (map (lambda (n) (make-thread (worker n) n)) '(a b)))
(for-each thread-start! workers)
(for-each thread-join! workers)
(unless (= counter 2) (error "lost update, counter is" counter))
(display counter)
(newline)
