;;; :std/misc/list-builder -- with-list-builder, call-with-list-builder
;;; (cons.io reference/std/misc/list-builder).

(export with-list-builder call-with-list-builder)

;; The list is a queue of cons cells: put! appends by mutating the last cell, so what peek
;; returned earlier grows with later put!s, as the doc says.
(def (call-with-list-builder proc)
  (let* ((head (cons #f '()))
         (tail head)
         (put! (lambda (x)
                 (let ((cell (cons x '())))
                   (set-cdr! tail cell)
                   (set! tail cell))))
         (peek (lambda () (cdr head))))
    (proc put! peek)
    (cdr head)))

(defrules with-list-builder ()
  ((_ (put! peek) body ...) (call-with-list-builder (lambda (put! peek) body ...)))
  ((_ (put!) body ...) (call-with-list-builder (lambda (put! ignored) body ...))))
