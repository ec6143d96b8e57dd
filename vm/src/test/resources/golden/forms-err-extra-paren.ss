;; oracle: gsi
;; a stray close parenthesis
(display "first") (newline)
(write (+ 1 2)))
(display "after") (newline)
