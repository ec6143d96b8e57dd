;; oracle: gsi
;; calling a non-procedure
(define x 5)
(display "start") (newline)
(x 1 2)
