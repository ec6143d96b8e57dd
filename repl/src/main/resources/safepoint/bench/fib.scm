;;; fib: doubly recursive Fibonacci. Measures non-tail calls and small-integer arithmetic.
;;; Protocol (Safepoint's bench suite): bench-run does the work once and returns a result that
;;; must be equal? to bench-expected; tests set bench-size to bench-test-size and expect
;;; bench-test-expected instead.

(define bench-size 30)
(define bench-test-size 12)

(define (fib n)
  (if (< n 2)
      n
      (+ (fib (- n 1)) (fib (- n 2)))))

(define (bench-run) (fib bench-size))

(define bench-expected 832040)
(define bench-test-expected 144)
