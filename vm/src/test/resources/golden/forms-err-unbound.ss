;; oracle: gsi
;; an unbound variable referenced inside a procedure: output so far, then gsi's error
(define (area r) (* pi r r))
(display "before") (newline)
(write (area 2))
(display "never printed") (newline)
