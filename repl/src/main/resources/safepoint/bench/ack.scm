;;; ack: the Ackermann function A(3, n) = 2^(n+3) - 3. Measures deep non-tail recursion.

(define bench-size 8)
(define bench-test-size 3)

(define (ack m n)
  (cond ((= m 0) (+ n 1))
        ((= n 0) (ack (- m 1) 1))
        (else (ack (- m 1) (ack m (- n 1))))))

(define (bench-run) (ack 3 bench-size))

(define bench-expected 2045)
(define bench-test-expected 61)
