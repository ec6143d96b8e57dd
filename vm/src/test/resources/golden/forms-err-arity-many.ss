;; oracle: gsi
;; too many arguments to a procedure with #!optional parameters
(define (f a #!optional (b 2)) (list a b))
(write (f 1)) (newline)
(f 1 2 3)
