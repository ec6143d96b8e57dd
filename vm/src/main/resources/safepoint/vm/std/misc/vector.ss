;;; :std/misc/vector -- vector utilities (doc/reference/std/misc/vector.md in the Gerbil
;;; repository): the /index variants of map, for-each, map!, fold, fold-right and count (SRFI 43's
;;; style: the index comes first), vector-least-index, maybe-subvector, the subvector iterators,
;;; subvector->list, cons->vector and vector-filter.

(export vector-map/index vector-for-each/index vector-map!/index vector-fold/index
        vector-fold-right/index vector-count/index vector-least-index maybe-subvector
        subvector-for-each subvector-for-each/index subvector-reverse-for-each
        subvector-reverse-for-each/index subvector->list cons->vector vector-filter)

(def (%shortest vecs)
  (when (null? vecs) (error "at least one vector expected"))
  (apply min (map vector-length vecs)))
(def (%refs vecs i) (map (lambda (v) (vector-ref v i)) vecs))

(def (vector-map/index f . vecs)
  (let* ((n (%shortest vecs)) (out (make-vector n)))
    (let loop ((i 0))
      (when (< i n) (vector-set! out i (apply f i (%refs vecs i))) (loop (+ i 1))))
    out))

(def (vector-for-each/index f . vecs)
  (let (n (%shortest vecs))
    (let loop ((i 0))
      (when (< i n) (apply f i (%refs vecs i)) (loop (+ i 1))))))

(def (vector-map!/index f . vecs)
  (let ((n (%shortest vecs)) (target (car vecs)))
    (let loop ((i 0))
      (when (< i n) (vector-set! target i (apply f i (%refs vecs i))) (loop (+ i 1))))))

(def (vector-fold/index kons knil . vecs)
  (let (n (%shortest vecs))
    (let loop ((i 0) (state knil))
      (if (< i n) (loop (+ i 1) (apply kons i state (%refs vecs i))) state))))

(def (vector-fold-right/index kons knil . vecs)
  (let loop ((i (- (%shortest vecs) 1)) (state knil))
    (if (>= i 0) (loop (- i 1) (apply kons i state (%refs vecs i))) state)))

(def (vector-count/index pred . vecs)
  (apply vector-fold/index (lambda (i n . xs) (if (apply pred i xs) (+ n 1) n)) 0 vecs))

;; Binary search, PRED being false then true along the vector.
(def (vector-least-index pred vec start: (start 0) end: (end #f))
  (let loop ((lo start) (hi (or end (vector-length vec))))
    (if (>= lo hi)
      hi
      (let (mid (+ lo (quotient (- hi lo) 2)))
        (if (pred (vector-ref vec mid)) (loop lo mid) (loop (+ mid 1) hi))))))

;; The interval [start, end) of VEC, END #f meaning its length, checked once.
(def (%bounds who vec start end)
  (unless (vector? vec) (error (string-append (symbol->string who) ": vector expected") vec))
  (let (end (or end (vector-length vec)))
    (unless (and (exact-integer? start) (exact-integer? end) (<= 0 start end (vector-length vec)))
      (error (string-append (symbol->string who) ": bad range") start end))
    end))

(def (maybe-subvector vec (start 0) (end #f))
  (let (end (%bounds 'maybe-subvector vec start end))
    (if (and (= start 0) (= end (vector-length vec))) vec (subvector vec start end))))

(def (subvector-for-each/index f vec start: (start 0) end: (end #f))
  (let (end (%bounds 'subvector-for-each vec start end))
    (let loop ((i start)) (when (< i end) (f i (vector-ref vec i)) (loop (+ i 1))))))

(def (subvector-for-each f vec start: (start 0) end: (end #f))
  (subvector-for-each/index (lambda (i x) (f x)) vec start: start end: end))

(def (subvector-reverse-for-each/index f vec start: (start 0) end: (end #f))
  (let (end (%bounds 'subvector-reverse-for-each vec start end))
    (let loop ((i (- end 1))) (when (>= i start) (f i (vector-ref vec i)) (loop (- i 1))))))

(def (subvector-reverse-for-each f vec start: (start 0) end: (end #f))
  (subvector-reverse-for-each/index (lambda (i x) (f x)) vec start: start end: end))

(def (subvector->list vec start: (start 0) end: (end #f))
  (let (acc '())
    (subvector-reverse-for-each (lambda (x) (set! acc (cons x acc))) vec start: start end: end)
    acc))

(def (cons->vector x) (and (pair? x) (vector (car x) (cdr x))))

(def (vector-filter pred? v start: (start 0) end: (end #f))
  (let (acc '())
    (subvector-reverse-for-each (lambda (x) (when (pred? x) (set! acc (cons x acc)))) v start: start end: end)
    (list->vector acc)))
