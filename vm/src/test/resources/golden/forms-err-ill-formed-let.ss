;; oracle: gsi
;; an ill-formed let binding
(display "not printed") (newline)
(let ((x)) x)
