;;; Five dining philosophers that can deadlock: each takes its left fork first, then its right;
;;; when all five hold their left fork, each waits for its neighbour's: a five-fork cycle. dfs finds it
;;; with the fewest preemptions:
;;;
;;;   ./safepoint explore examples/philosophers-deadlock.ss --strategy dfs --preemptions 2
;;;
;;; The fix, examples/philosophers-fixed.ss, takes the lower-numbered fork first.

(define n 5)
(define forks (list->vector (map (lambda (i) (make-mutex i)) '(0 1 2 3 4))))

(define (philosopher i)
  (let* ((left i) (right (modulo (+ i 1) n))
         (first (vector-ref forks left))
         (second (vector-ref forks right)))
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
