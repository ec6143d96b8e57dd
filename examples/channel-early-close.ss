;;; The bug the channel page warns of ("only senders should close channels", and only once every
;;; sender is done): the first producer closes the channel when it has put its own values, while
;;; the second may still be putting. `./safepoint explore examples/channel-early-close.ss -p 2`
;;; finds the schedule where the second put meets a closed channel; the fix closes after every
;;; producer ended (examples/channel-pipeline.ss).

(import :std/misc/channel)

(def ch (make-channel 1))
(def (consume acc) (let ((v (channel-get ch))) (if (eof-object? v) acc (consume (+ acc v)))))
(def consumer (spawn/name 'consumer consume 0))
(def p1 (spawn/name 'producer-1 (lambda () (channel-put ch 1) (channel-put ch 2) (channel-close ch))))
(def p2 (spawn/name 'producer-2 (lambda () (channel-put ch 10) (channel-put ch 20))))
(for-each thread-join! (list p1 p2))
(displayln (thread-join! consumer))
