;; oracle: gsi
;; with-exception-handler and raise, handlers escaping with call/cc (gsi 4.9.3 lacks raise-continuable)
(define (try thunk)
  (call/cc
    (lambda (k)
      (with-exception-handler
        (lambda (e) (k (list 'caught e)))
        thunk))))
(write (try (lambda () (raise 'boom)))) (newline)
(write (try (lambda () (+ 1 (raise 42))))) (newline)
(write (try (lambda () 'no-error))) (newline)
(define (nested)
  (call/cc
    (lambda (k)
      (with-exception-handler
        (lambda (outer) (k (list 'outer-got outer)))
        (lambda ()
          (let ((v (call/cc
                     (lambda (k2)
                       (with-exception-handler
                         (lambda (inner) (k2 inner))
                         (lambda () (raise 'original)))))))
            (raise (list 'rethrown v))))))))
(write (nested)) (newline)
(define log '())
(write (call/cc
         (lambda (k)
           (dynamic-wind
             (lambda () (set! log (cons 'in log)))
             (lambda () (with-exception-handler (lambda (e) (k e)) (lambda () (raise 'out-of-wind))))
             (lambda () (set! log (cons 'out log)))))))
(newline)
(write (reverse log)) (newline)
(write (try (lambda () (car 5)))) (newline)
(write (try (lambda () (vector-ref (vector 1 2) 7)))) (newline)
(write (try (lambda () (undefined-variable-here)))) (newline)
(write (try (lambda () (error "bad thing" 1 2)))) (newline)
(write (try (lambda () (raise (list 1 2 3))))) (newline)
(write (try (lambda () (try (lambda () (raise 'inner-only)))))) (newline)
