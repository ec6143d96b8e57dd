;; Issue 10: a worker's eval expands macros as the worker (it printed "primordial"), and a
;; transformer may wait (it reported a false deadlock, exit 3). Prints worker, then done.
(defsyntax (who stx) (list 'quote (thread-name (current-thread))))
(display (thread-join! (thread-start! (make-thread (lambda () (eval '(who))) 'worker))))
(newline)
(defsyntax (waits stx) (thread-sleep! 0.01) ''done)
(display (thread-join! (thread-start! (make-thread (lambda () (eval '(waits))) 'w2))))
(newline)
