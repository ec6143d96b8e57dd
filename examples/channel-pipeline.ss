;;; :std/misc/channel used right: two producers put into a channel of 1 slot, the main thread
;;; closes it once both are done, a consumer sums until #!eof. `./safepoint explore
;;; examples/channel-pipeline.ss --strategy dfs --preemptions 2 -p 2` proves the sum is always
;;; right. examples/channel-early-close.ss lets a producer close it.

(import :std/misc/channel)

(def ch (make-channel 1))
(def (produce . xs) (for-each (lambda (x) (channel-put ch x)) xs))
(def (consume acc) (let ((v (channel-get ch))) (if (eof-object? v) acc (consume (+ acc v)))))
(def consumer (spawn/name 'consumer consume 0))
(def producers (list (spawn/name 'producer-1 produce 1) (spawn/name 'producer-2 produce 10)))
(for-each thread-join! producers)
(channel-close ch)
(let ((sum (thread-join! consumer)))
  (unless (= sum 11) (error "the consumer summed" sum))
  (displayln sum))
