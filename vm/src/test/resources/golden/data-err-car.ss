;; oracle: gsi
;; car of the empty list at top level.
(define xs '())
(write (car '(1 2)))
(newline)
(write (car xs))
