;;; cpstak: Takeuchi's function in continuation-passing style. Every call is a tail call and
;;; every pending computation is a closure, so it measures closure creation and calls.

(define bench-size 15)
(define bench-test-size 1)

(define (cpstak x y z)
  (define (tak x y z k)
    (if (not (< y x))
        (k z)
        (tak (- x 1) y z
             (lambda (a)
               (tak (- y 1) z x
                    (lambda (b)
                      (tak (- z 1) x y
                           (lambda (c)
                             (tak a b c k)))))))))
  (tak x y z (lambda (v) v)))

(define (bench-run)
  (let loop ((i 0) (total 0))
    (if (= i bench-size)
        total
        (loop (+ i 1) (+ total (cpstak 18 12 6))))))

(define bench-expected 105)
(define bench-test-expected 7)
