;;; The broken use of :std/misc/queue: two consumers drain one queue with no lock, each checking
;;; non-empty-queue? and then calling dequeue!. When both see the last item, the second dequeue!
;;; finds the queue empty. `./safepoint explore examples/queue-unlocked.ss -p 2` finds that
;;; schedule; examples/queue-locked.ss checks and takes under a mutex.

(import :std/misc/queue)

(def q (make-queue))
(for-each (lambda (x) (enqueue! q x)) '(1 2 3))
(def (take!) (and (non-empty-queue? q) (dequeue! q)))
(def (consume acc) (let ((x (take!))) (if x (consume (+ acc x)) acc)))
(def consumers (list (spawn/name 'consumer-1 consume 0) (spawn/name 'consumer-2 consume 0)))
(let ((sum (apply + (map thread-join! consumers))))
  (unless (= sum 6) (error "the consumers took" sum))
  (displayln sum))
