;; oracle: gsi
;; (error msg irritants...) uncaught
(define (check n)
  (if (< n 0) (error "Negative value:" n 'in "check" '(1 2)) n))
(write (check 3)) (newline)
(check -7)
