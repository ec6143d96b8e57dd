;;; sum: a tail-recursive loop adding the integers 0..10000, repeated. Measures loops
;;; (tail calls) and fixnum arithmetic.

(define bench-size 200)
(define bench-test-size 2)

(define (sum-to n)
  (let loop ((i n) (total 0))
    (if (< i 0)
        total
        (loop (- i 1) (+ total i)))))

(define (bench-run)
  (let loop ((i 0) (total 0))
    (if (= i bench-size)
        total
        (loop (+ i 1) (+ total (sum-to 10000))))))

(define bench-expected 10001000000)
(define bench-test-expected 100010000)
