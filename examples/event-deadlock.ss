;;; A broken use of :std/event that explore finds: the main thread takes the lock the worker
;;; needs, then syncs on the worker (or a message that never comes). If the worker has not taken
;;; and released the lock yet, neither can go on: the sync waits for the worker's end, the worker
;;; waits for the lock. Safepoint proves it a deadlock (the wait-for graph runs through the sync's
;;; objects) instead of polling for ever. `./safepoint explore examples/event-deadlock.ss
;;; --strategy dfs -p 2` finds the schedule; a run where the worker is quick ends with 'done.

(import :std/event :std/misc/channel)

(def m (make-mutex 'm))
(def never (make-channel))
(def worker (spawn/name 'worker (lambda () (with-lock m (lambda () 'done)))))
(mutex-lock! m)
(displayln (sync worker never))
(mutex-unlock! m)
