;; oracle: gsi
;; table-search calls a procedure on each entry and returns its first true result, or #f.
(define t (make-table))
(table-set! t 1 'one)
(table-set! t 2 'two)
(write (table-search (lambda (k v) (and (= k 2) v)) t)) (newline)
(write (table-search (lambda (k v) (and (> k 5) v)) t)) (newline)
(write (table-search (lambda (k v) (list k v)) (make-table))) (newline)
