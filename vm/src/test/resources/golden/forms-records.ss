;; oracle: gsi
;; define-record-type: constructor, predicate, accessors, modifiers, printing instances
(define-record-type point
  (make-point x y)
  point?
  (x point-x set-point-x!)
  (y point-y))
(define p (make-point 1 2))
(write (point? p)) (newline)
(write (point? 5)) (newline)
(write (list (point-x p) (point-y p))) (newline)
(set-point-x! p 10)
(write (point-x p)) (newline)
(write p) (newline)
(display p) (newline)
(write (list p (make-point 'a "s"))) (newline)
(define-record-type <node>
  (make-node value next)
  node?
  (value node-value)
  (next node-next set-node-next!)
  (tag node-tag set-node-tag!))
(define n (make-node 1 '()))
(write (node-value n)) (newline)
(write (node-tag n)) (newline)
(set-node-tag! n 'hello)
(write (node-tag n)) (newline)
(write n) (newline)
(write (map point-x (list (make-point 1 0) (make-point 2 0)))) (newline)
(write (equal? (make-point 1 2) (make-point 1 2))) (newline)
(write (eq? p p)) (newline)
