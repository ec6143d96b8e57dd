;;; fibc: doubly recursive Fibonacci where every result is returned by invoking a continuation
;;; captured for it. Measures call-with-current-continuation on a deep, branching computation.

(define bench-size 27)
(define bench-test-size 12)

(define (fibc n k)
  (if (< n 2)
      (k n)
      (k (+ (call-with-current-continuation (lambda (c) (fibc (- n 1) c)))
            (call-with-current-continuation (lambda (c) (fibc (- n 2) c)))))))

(define (bench-run)
  (call-with-current-continuation (lambda (k) (fibc bench-size k))))

(define bench-expected 196418)
(define bench-test-expected 144)
