;;; :std/values -- working with multiple values (doc/reference/std/values.md in the Gerbil
;;; repository): first-value, second-value, nth-value and the conversions between values and
;;; lists, vectors and pairs.

(export first-value second-value nth-value
        list->values vector->values values->vector cons->values values->cons)

;; Multiple values are a first-class object here, as in Gambit: a selector given one argument
;; takes it apart, and one given several (as the receiver of call-with-values) picks among them.
(def (%values-of x rest) (if (null? rest) (values->list x) (cons x rest)))
(def (first-value x . rest) (car (%values-of x rest)))
(def (second-value x . rest)
  (let (vs (%values-of x rest))
    (if (pair? (cdr vs)) (cadr vs) (error "second-value: fewer than two values" x))))
(def (nth-value n x) (list-ref (values->list x) n))

(def (list->values lst) (apply values lst))
(def (vector->values vec) (apply values (vector->list vec)))
(def (values->vector x) (list->vector (values->list x)))
(def (cons->values pair) (values (car pair) (cdr pair)))
(def (values->cons x) (call-with-values (lambda () x) cons))
