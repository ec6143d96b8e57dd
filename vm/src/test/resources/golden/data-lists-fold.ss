;; oracle: gsi
;; fold (SRFI 1 order: element first, then the accumulator) and fold-right over one or more lists.
(define (show x) (write x) (newline))
(show (fold cons '() '(1 2 3)))
(show (fold + 0 '(1 2 3)))
(show (fold-right cons '() '(1 2 3)))
(show (fold-right list 'init '(1 2) '(a b)))
(show (fold cons* '() '(a b c) '(1 2 3)))
