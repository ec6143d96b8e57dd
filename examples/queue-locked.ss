;;; :std/misc/queue shared right: a queue is not thread-safe (its page and Gerbil's), so two
;;; consumers that drain one queue look at it and take from it under one mutex. `./safepoint
;;; explore examples/queue-locked.ss --strategy dfs --preemptions 2 -p 2` proves each item is
;;; taken once. examples/queue-unlocked.ss checks and takes without the mutex.

(import :std/misc/queue)

(def q (make-queue))
(for-each (lambda (x) (enqueue! q x)) '(1 2 3))
(def m (make-mutex 'queue))
;; The next item, or #f once the queue is empty: the check and the take under the mutex.
(def (take!)
  (mutex-lock! m)
  (let ((x (and (non-empty-queue? q) (dequeue! q))))
    (mutex-unlock! m)
    x))
(def (consume acc) (let ((x (take!))) (if x (consume (+ acc x)) acc)))
(def consumers (list (spawn/name 'consumer-1 consume 0) (spawn/name 'consumer-2 consume 0)))
(let ((sum (apply + (map thread-join! consumers))))
  (unless (= sum 6) (error "the consumers took" sum))
  (displayln sum))
