;;; tak: Takeuchi's function, repeated. Measures non-tail calls with three arguments.

(define bench-size 30)
(define bench-test-size 1)

(define (tak x y z)
  (if (not (< y x))
      z
      (tak (tak (- x 1) y z)
           (tak (- y 1) z x)
           (tak (- z 1) x y))))

;; Sum the results of bench-size runs so that every run is checked.
(define (bench-run)
  (let loop ((i 0) (total 0))
    (if (= i bench-size)
        total
        (loop (+ i 1) (+ total (tak 18 12 6))))))

(define bench-expected 210)
(define bench-test-expected 7)
