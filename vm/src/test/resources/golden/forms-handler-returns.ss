;; oracle: gsi
;; gsi 4.9.3: when a handler returns from raise, error or a primitive's error, the returned
;; value becomes the value of the failing expression (the computation continues)
(write (with-exception-handler (lambda (e) 0) (lambda () (+ 1 (raise 'oops))))) (newline)
(write (with-exception-handler (lambda (e) 0) (lambda () (+ 1 (car 5))))) (newline)
(write (with-exception-handler (lambda (e) 10) (lambda () (+ 1 (error "x" 1))))) (newline)
(write (with-exception-handler
         (lambda (e) (if (symbol? e) 'sym 'other))
         (lambda () (list (raise 'a) (raise 2) (raise 'b)))))
(newline)
(define seen '())
(write (with-exception-handler
         (lambda (e) (set! seen (cons e seen)) 1)
         (lambda () (+ (raise 'first) (raise 'second) (raise 'third)))))
(newline)
(write (length seen)) (newline)
