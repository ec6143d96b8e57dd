;; oracle: gsi
;; Gambit's with-exception-catcher: the handler runs in the catcher's continuation
(display (with-exception-catcher (lambda (e) (list 'caught (error-object-message e))) (lambda () (error "boom" 1))))
(newline)
(display (with-exception-catcher (lambda (e) 'no) (lambda () (values 1))))
(newline)
(display (call-with-values (lambda () (with-exception-catcher (lambda (e) 'no) (lambda () (values 1 2)))) list))
(newline)
(display (with-exception-catcher (lambda (e) e) (lambda () (raise 'sym))))
(newline)
