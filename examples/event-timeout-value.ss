;;; The broken use of :std/event: a sync with a timeout (a real number among the sync objects)
;;; gives #f when the timeout comes first, and this consumer adds what it got without looking.
;;; Producer b works a while (about 100 scheduling points) before its put, longer than the 50 us
;;; timeout unless it started early enough, so (+ x y) may meet #f. `./safepoint explore
;;; examples/event-timeout-value.ss -p 2` finds that schedule; examples/event-select.ss waits
;;; without a timeout.

(import :std/event :std/misc/channel)

(def a (make-channel 1))
(def b (make-channel 1))
(def (busy n) (when (> n 0) (busy (- n 1))))
(def producers (list (spawn/name 'producer-a (lambda () (channel-put a 1)))
                     (spawn/name 'producer-b (lambda () (busy 100) (channel-put b 2)))))
(let* ((x (sync a b 0.00005)) (y (sync a b 0.00005)))
  (for-each thread-join! producers)
  (displayln (+ x y)))
