;;; :std/sort -- sort, sort!, stable-sort, stable-sort! (cons.io reference/sort.md).
;;; One stable merge sort serves all four: Gerbil's sort of a vector need not be stable,
;;; so a stable one satisfies it too. The ! variants sort a vector in place.

(export sort sort! stable-sort stable-sort!)

(def (%merge-sort less? lst)
  (def (merge a b)
    (let loop ((a a) (b b) (acc '()))
      (cond ((null? a) (append-reverse acc b))
            ((null? b) (append-reverse acc a))
            ((less? (car b) (car a)) (loop a (cdr b) (cons (car b) acc)))
            (else (loop (cdr a) b (cons (car a) acc))))))
  (def (append-reverse rev tail)
    (if (null? rev) tail (append-reverse (cdr rev) (cons (car rev) tail))))
  (def (sort-n l n)
    ;; sorts the first n elements of l; returns (sorted . rest-of-l)
    (cond ((= n 0) (cons '() l))
          ((= n 1) (cons (list (car l)) (cdr l)))
          (else
           (let* ((half (quotient n 2))
                  (left (sort-n l half))
                  (right (sort-n (cdr left) (- n half))))
             (cons (merge (car left) (car right)) (cdr right))))))
  (car (sort-n lst (length lst))))

(def (%check-seq seq who)
  (unless (or (list? seq) (vector? seq))
    (error "expected list or vector" who seq)))

(def (stable-sort seq less?)
  (%check-seq seq 'sort)
  (if (vector? seq)
    (list->vector (%merge-sort less? (vector->list seq)))
    (%merge-sort less? seq)))

(def (stable-sort! seq less?)
  (%check-seq seq 'sort!)
  (if (vector? seq)
    (let ((sorted (%merge-sort less? (vector->list seq))))
      (let loop ((i 0) (l sorted))
        (when (pair? l)
          (vector-set! seq i (car l))
          (loop (+ i 1) (cdr l))))
      seq)
    (%merge-sort less? seq)))

(def (sort seq less?) (stable-sort seq less?))
(def (sort! seq less?) (stable-sort! seq less?))
