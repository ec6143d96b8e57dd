;;; ctak: Takeuchi's function where every result is delivered by invoking a continuation
;;; captured with call-with-current-continuation. Measures continuation capture and escape.

(define bench-size 8)
(define bench-test-size 1)

(define (ctak x y z)
  (call-with-current-continuation
   (lambda (k) (ctak-aux k x y z))))

(define (ctak-aux k x y z)
  (if (not (< y x))
      (k z)
      (call-with-current-continuation
       (lambda (k)
         (ctak-aux
          k
          (call-with-current-continuation
           (lambda (k) (ctak-aux k (- x 1) y z)))
          (call-with-current-continuation
           (lambda (k) (ctak-aux k (- y 1) z x)))
          (call-with-current-continuation
           (lambda (k) (ctak-aux k (- z 1) x y))))))))

(define (bench-run)
  (let loop ((i 0) (total 0))
    (if (= i bench-size)
        total
        (loop (+ i 1) (+ total (ctak 18 12 6))))))

(define bench-expected 56)
(define bench-test-expected 7)
