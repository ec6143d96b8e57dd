;; oracle: r7rs 6.11
;; raise-continuable (gsi 4.9.3 lacks it; checked with csi given an R7RS handler stack): the handler's value is returned to the raise point
(write (with-exception-handler
         (lambda (e) (* e 2))
         (lambda () (+ 1 (raise-continuable 20)))))
(newline)
(write (with-exception-handler
         (lambda (e) 'ignored)
         (lambda () (list (raise-continuable 'a) (raise-continuable 'b)))))
(newline)
(write (with-exception-handler
         (lambda (e) (list 'outer e))
         (lambda ()
           (with-exception-handler
             (lambda (e) (raise-continuable (list 'inner e)))
             (lambda () (raise-continuable 'x))))))
(newline)
(define log '())
(write (with-exception-handler
         (lambda (c) (set! log (cons c log)) (length log))
         (lambda ()
           (let loop ((xs '(a b c)) (acc '()))
             (if (null? xs) (reverse acc) (loop (cdr xs) (cons (raise-continuable (car xs)) acc)))))))
(newline)
(write (reverse log)) (newline)
(write (call/cc
         (lambda (k)
           (with-exception-handler
             (lambda (e) (k (list 'escaped e)))
             (lambda () (raise-continuable 'stop) 'not-here)))))
(newline)
