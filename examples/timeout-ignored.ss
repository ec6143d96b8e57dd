;;; The broken use of :std/misc/timeout: a worker takes the mutex with a 50 us timeout and does
;;; not look at what mutex-lock! gave. When the other worker holds the mutex longer than that, the
;;; lock times out (#f), this worker updates the total unlocked, and one update is lost.
;;; `./safepoint explore examples/timeout-ignored.ss -p 2` finds it; examples/timeout-retry.ss
;;; tries again after a timeout.

(import :std/misc/timeout)

(def m (make-mutex 'total))
(def total 0)
(def (busy n) (when (> n 0) (busy (- n 1))))
(def (add! k)
  (mutex-lock! m (make-timeout 0.00005))
  (let ((t total)) (busy 300) (set! total (+ t k)))
  (mutex-unlock! m))
(def workers (list (spawn/name 'worker-1 add! 1) (spawn/name 'worker-2 add! 10)))
(for-each thread-join! workers)
(unless (= total 11) (error "lost an update: the total is" total))
(displayln total)
