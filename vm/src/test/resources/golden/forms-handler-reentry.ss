;; oracle: gsi
;; gsi 4.9.3 calls a handler in the full dynamic environment of the raise, so a raise inside
;; the handler reaches the same handler again (not the outer one, as R7RS 6.11 would have it)
(define n 0)
(write (call/cc
         (lambda (k)
           (with-exception-handler
             (lambda (outer) (k (list 'outer outer)))
             (lambda ()
               (with-exception-handler
                 (lambda (inner)
                   (set! n (+ n 1))
                   (if (> n 5) (k (list 'inner-again n inner)))
                   (raise (list 're inner)))
                 (lambda () (raise 'orig))))))))
(newline)
