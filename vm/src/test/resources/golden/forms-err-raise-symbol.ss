;; oracle: gsi
;; raise of a symbol inside nested calls, uncaught
(define (deep n) (if (= n 0) (raise 'bottom) (+ 1 (deep (- n 1)))))
(deep 10)
