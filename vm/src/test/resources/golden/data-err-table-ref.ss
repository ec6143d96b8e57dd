;; oracle: gsi
;; table-ref of a missing key without a default raises an unbound-key error.
(define t (make-table))
(table-set! t 'present 1)
(write (table-ref t 'present))
(newline)
(table-ref t 'missing)
