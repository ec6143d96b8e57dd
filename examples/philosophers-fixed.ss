;;; Five dining philosophers that cannot deadlock: each takes its lower-numbered fork first, so
;;; no cycle of waits can form (the last philosopher takes fork 0 before fork 4). dfs proves it
;;; for every schedule with at most two preemptions:
;;;
;;;   ./safepoint explore examples/philosophers-fixed.ss --strategy dfs --preemptions 2
;;;
;;; Its twin examples/philosophers-deadlock.ss takes the left fork first: a five-fork cycle.

(define n 5)
(define forks (list->vector (map (lambda (i) (make-mutex i)) '(0 1 2 3 4))))

(define (philosopher i)
  (let* ((left i) (right (modulo (+ i 1) n))
         (first (vector-ref forks (min left right)))
         (second (vector-ref forks (max left right))))
    (lambda ()
      (let loop ((k 0) (meals 0))
        (if (= k 2)
            meals                                 ; the thread's result: how many meals it ate
            (begin
              (mutex-lock! first)
              (mutex-lock! second)
              (trace-write i k)                   ; eat (a marked write: a step of its own)
              (mutex-unlock! second)
              (mutex-unlock! first)
              (loop (+ k 1) (+ meals 1))))))))

(let ((meals (map thread-join! (map (lambda (i) (spawn/name i (philosopher i))) '(0 1 2 3 4)))))
  (unless (equal? meals '(2 2 2 2 2)) (error "a philosopher went hungry" meals))
  (display meals)
  (newline))
