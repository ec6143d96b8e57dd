;; oracle: gsi
;; an unbalanced file: a read error, nothing runs
(display "not printed") (newline)
(define (f x)
  (+ x 1)
