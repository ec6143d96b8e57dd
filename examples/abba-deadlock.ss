;;; Two mutexes taken in opposite orders (reference 5b's "two mutexes guarding one registry"):
;;; each thread holds one and waits for the other. `./safepoint run examples/abba-deadlock.ss`
;;; proves the deadlock and shows each thread's backtrace (exit 3). The fix,
;;; examples/abba-fixed.ss, takes the mutexes in one global order.

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
(define right (spawn/name 'right (lambda () (lock-both b a))))
(display (list (thread-join! left) (thread-join! right)))
(newline)
