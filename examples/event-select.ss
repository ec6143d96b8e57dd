;;; :std/event used right: a consumer syncs on two channels at once, twice, and two producers
;;; each put one value into their own channel; whichever comes first is taken first, and both
;;; arrive. `./safepoint explore examples/event-select.ss --strategy dfs --preemptions 2 -p 2`
;;; proves the sum is always 3. examples/event-timeout-value.ss adds a timeout and forgets its #f.

(import :std/event :std/misc/channel)

(def a (make-channel 1))
(def b (make-channel 1))
(def producers (list (spawn/name 'producer-a (lambda () (channel-put a 1)))
                     (spawn/name 'producer-b (lambda () (channel-put b 2)))))
(let* ((x (sync a b)) (y (sync a b)))
  (for-each thread-join! producers)
  (unless (= (+ x y) 3) (error "the consumer summed" (+ x y)))
  (displayln (+ x y)))
