;;; Five dining philosophers that can deadlock: each takes its left fork first, then its right;
;;; when all five hold their left fork, each waits for its neighbour's: a five-fork cycle. dfs finds it
;;; with the fewest preemptions:
;;;
;;;   ./safepoint explore examples/philosophers-deadlock.ss --strategy dfs --preemptions 2
;;;
;;; The fix, examples/philosophers-fixed.ss, takes the lower-numbered fork first.

(define n 5)
(define forks (list->vector (map (lambda (i) (make-mutex i)) '(0 1 2 3 4))))
(define meals (make-vector n 0))

(define (philosopher i)
  (let* ((left i) (right (modulo (+ i 1) n))
         (first (vector-ref forks left))
         (second (vector-ref forks right)))
    (lambda ()
      (let loop ((k 0))
        (when (< k 2)
          (mutex-lock! first)
          (mutex-lock! second)
          (vector-set! meals i (+ (vector-ref meals i) 1))   ; eat
          (mutex-unlock! second)
          (mutex-unlock! first)
          (loop (+ k 1)))))))

(define philosophers (map (lambda (i) (spawn/name i (philosopher i))) '(0 1 2 3 4)))
(for-each thread-join! philosophers)
(unless (equal? meals (make-vector n 2)) (error "a philosopher went hungry" meals))
(display meals)
(newline)
