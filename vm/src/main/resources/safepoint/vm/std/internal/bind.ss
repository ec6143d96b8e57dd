;;; Destructuring for the macros of :std/iter and :std/sugar: a small subset of Gerbil's match
;;; patterns, as syntax-rules can tell them apart: an identifier (including _), [p ...],
;;; [p ... . tail], (cons p q), (values p ...) (a multiple-values object, as :std/iter's hash
;;; and LRU iterators yield; doc/reference/std/iterators.md "in-hash"). A value that does not fit the pattern is an error.

(export %bind)

(defrules %bind (@list cons values)
  ((_ (@list) v body ...)
   (let ((x v))
     (if (null? x) (let () body ...) (%bind-mismatch '(@list) x))))
  ((_ (@list p . ps) v body ...)
   (let ((x v))
     (if (pair? x)
       (%bind p (car x) (%bind (@list . ps) (cdr x) body ...))
       (%bind-mismatch '(@list p . ps) x))))
  ((_ (@list . tail) v body ...)
   (let ((tail v)) body ...))
  ((_ (cons p q) v body ...)
   (let ((x v))
     (if (pair? x)
       (%bind p (car x) (%bind q (cdr x) body ...))
       (%bind-mismatch '(cons p q) x))))
  ((_ (values p ...) v body ...)
   (%bind (@list p ...) (values->list v) body ...))
  ((_ id v body ...)
   (let ((id v)) body ...)))

(def (%bind-mismatch pattern value)
  (error "No clause matching" value))
