;;; The fix of examples/lost-update.ss: a mutex makes the read and the write one step, so no
;;; schedule loses an update. dfs proves it for every schedule with at most two preemptions:
;;;
;;;   ./safepoint explore examples/lost-update-fixed.ss --strategy dfs
;;;   ./safepoint explore examples/lost-update-fixed.ss              (1,000 random schedules)

(define counter 0)
(define counter-lock (make-mutex 'counter))

(define (busy name n)
  (let loop ((i 0))
    (when (< i n) (trace-write name i) (loop (+ i 1)))))

(define (increment!)
  (mutex-lock! counter-lock)
  (let ((seen (trace-read 'counter counter)))
    (set! counter (trace-write 'counter (+ seen 1))))
  (mutex-unlock! counter-lock))

(define (worker name)
  (lambda () (busy name 3) (increment!) (busy name 3)))

(define workers (map (lambda (n) (make-thread (worker n) n)) '(a b)))
(for-each thread-start! workers)
(for-each thread-join! workers)
(unless (= counter 2) (error "lost update, counter is" counter))
(display counter)
(newline)
