;;; :std/misc/timeout used right: two workers take a mutex with (make-timeout 0.00005), 50 us,
;;; while the other may hold it for longer; mutex-lock! gives #f when the timeout comes first,
;;; and these workers try again, so each update is made under the lock. `./safepoint explore
;;; examples/timeout-retry.ss --strategy dfs --preemptions 2 -p 2` proves both updates count.
;;; examples/timeout-ignored.ss goes on after a timed-out lock as if it held it.

(import :std/misc/timeout)

(def m (make-mutex 'total))
(def total 0)
(def (busy n) (when (> n 0) (busy (- n 1))))
(def (add! k)
  (let retry ()
    (unless (mutex-lock! m (make-timeout 0.00005)) (retry)))
  (let ((t total)) (busy 300) (set! total (+ t k)))
  (mutex-unlock! m))
(def workers (list (spawn/name 'worker-1 add! 1) (spawn/name 'worker-2 add! 10)))
(for-each thread-join! workers)
(unless (= total 11) (error "the total is" total))
(displayln total)
