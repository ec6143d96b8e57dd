;;; :std/misc/queue, deque and pqueue's own tests: order, both ends, a heap that grows, sorting.
(import :std/test :std/misc/queue :std/misc/deque :std/misc/pqueue :std/srfi/1)
(export queues-test)

(def queues-test
  (test-suite "queue, deque, pqueue"
    (test-case "a queue keeps order through front and back pushes"
      (def q (make-queue))
      (enqueue! q 2) (enqueue-front! q 1) (enqueue! q 3)
      (check (queue->list q) => '(1 2 3))
      (check (list (dequeue! q) (dequeue! q) (dequeue! q) (queue-empty? q)) => '(1 2 3 #t))
      (enqueue! q 'again)
      (check (queue->list q) => '(again))
      (check-exception (begin (dequeue! q) (dequeue! q)) error-object?))
    (test-case "a deque pops at both ends until empty, then takes defaults"
      (def d (make-deque))
      (for-each (lambda (x) (push-back! d x)) '(1 2 3 4))
      (check (list (pop-front! d) (pop-back! d) (pop-back! d) (pop-front! d) (pop-front! d 'none)) => '(1 4 3 2 none))
      (push-front! d 'x)
      (check (list (peek-front d) (peek-back d) (deque-length d)) => '(x x 1)))
    (test-case "a pqueue sorts 100 numbers, growing past its capacity"
      (def pq (make-pqueue identity < 2))
      (for-each (lambda (i) (pqueue-push! pq (modulo (* i 37) 100))) (iota 100))
      (check (pqueue-size pq) => 100)
      (check (let loop ((acc [])) (if (pqueue-empty? pq) (reverse acc) (loop (cons (pqueue-pop! pq) acc)))) => (iota 100)))
    (test-case "a max-pqueue by a key"
      (def pq (make-pqueue car >))
      (for-each (cut pqueue-push! pq <>) '((1 . a) (5 . b) (3 . c)))
      (check (list (pqueue-pop! pq) (pqueue-pop! pq) (pqueue-pop! pq) (pqueue-pop! pq #f)) => '((5 . b) (3 . c) (1 . a) #f)))))
