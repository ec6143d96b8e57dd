;; oracle: gsi
;; an ill-formed special form: gsi rejects the whole file before running anything
(display "not printed: the file is compiled before it runs") (newline)
(define (f) (if))
(f)
