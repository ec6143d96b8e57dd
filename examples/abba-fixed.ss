;;; The fix of examples/abba-deadlock.ss: both threads take a, then b. Prints (done done).

(define a (make-mutex 'a))
(define b (make-mutex 'b))

(define (lock-both first second)
  (mutex-lock! first)
  (thread-sleep! .01)       ; let the other thread take its first mutex
  (mutex-lock! second)
  (mutex-unlock! second)
  (mutex-unlock! first)
  'done)

(define left (spawn/name 'left (lambda () (lock-both a b))))
(define right (spawn/name 'right (lambda () (lock-both a b))))   ; same order: no cycle
(display (list (thread-join! left) (thread-join! right)))
(newline)
