;;; :std/srfi/133 -- SRFI 133 vector library. Gerbil's documentation has no page for it (its
;;; doc/reference/srfi/README.md lists the SRFI); written from the SRFI text at
;;; srfi.schemers.org/srfi-133: every procedure of the SRFI. Those R7RS already gives with the
;;; SRFI's meaning (make-vector, vector, vector?, vector-ref, vector-length, vector-set!,
;;; vector-copy, vector-copy!, vector-append, vector-fill!, vector-map, vector-for-each,
;;; vector->list, string->vector, vector->string) are the builtins; list->vector gains the
;;; SRFI's optional start and end.
;;;
;;; Where several vectors are given, the procedures stop at the shortest, as the SRFI says.

(export vector-unfold vector-unfold-right vector-reverse-copy vector-concatenate vector-append-subvectors
        vector-empty? vector= vector-fold vector-fold-right vector-map! vector-count vector-cumulate
        vector-index vector-index-right vector-skip vector-skip-right vector-binary-search
        vector-any vector-every vector-partition vector-swap! vector-reverse! vector-reverse-copy!
        vector-unfold! vector-unfold-right! reverse-vector->list reverse-list->vector
        (rename-out (%list->vector list->vector)))

;; ---- arguments ---------------------------------------------------------------------------------

(def (%vector who v) (unless (vector? v) (error (string-append who ": vector expected") v)) v)

(def (%range who v start end)
  (let* ((n (vector-length (%vector who v))) (end (or end n)))
    (unless (and (exact-integer? start) (exact-integer? end) (<= 0 start end n))
      (error (string-append who ": bad range") start end))
    end))

(def (%shortest who vecs)
  (when (null? vecs) (error (string-append who ": at least one vector expected")))
  (apply min (map (lambda (v) (vector-length (%vector who v))) vecs)))

(def (%at vecs i) (map (lambda (v) (vector-ref v i)) vecs))

;; ---- constructors ------------------------------------------------------------------------------

;; Fill v's indices from..to (by step) with (f i seed ...), which gives the element and the next seeds.
(def (%unfold! f v indices seeds)
  (let loop ((is indices) (seeds seeds))
    (when (pair? is)
      (call-with-values (lambda () (apply f (car is) seeds))
        (lambda (x . next) (vector-set! v (car is) x) (loop (cdr is) next)))))
  v)

(def (%indices start end) (if (>= start end) '() (cons start (%indices (+ start 1) end))))

(def (vector-unfold f len . seeds) (%unfold! f (make-vector len) (%indices 0 len) seeds))
(def (vector-unfold-right f len . seeds) (%unfold! f (make-vector len) (reverse (%indices 0 len)) seeds))
(def (vector-unfold! f v start end . seeds) (%range "vector-unfold!" v start end) (%unfold! f v (%indices start end) seeds) (void))
(def (vector-unfold-right! f v start end . seeds)
  (%range "vector-unfold-right!" v start end) (%unfold! f v (reverse (%indices start end)) seeds) (void))

(def (vector-reverse-copy v (start 0) (end #f))
  (let (end (%range "vector-reverse-copy" v start end))
    (list->vector (reverse-vector->list v start end))))

(def (vector-concatenate vecs) (apply vector-append vecs))

(def (vector-append-subvectors . specs)
  (let loop ((s specs) (parts '()))
    (cond ((null? s) (apply vector-append (reverse parts)))
          ((and (pair? (cdr s)) (pair? (cddr s)))
           (loop (cdddr s) (cons (vector-copy (car s) (cadr s) (caddr s)) parts)))
          (else (error "vector-append-subvectors: vector, start and end expected" s)))))

;; ---- predicates --------------------------------------------------------------------------------

(def (vector-empty? v) (= 0 (vector-length (%vector "vector-empty?" v))))

(def (vector= elt=? . vecs)
  (or (null? vecs) (null? (cdr vecs))
      (let ((a (car vecs)) (b (cadr vecs)))
        (and (= (vector-length (%vector "vector=" a)) (vector-length (%vector "vector=" b)))
             (let loop ((i 0))
               (or (= i (vector-length a)) (and (elt=? (vector-ref a i) (vector-ref b i)) (loop (+ i 1)))))
             (apply vector= elt=? (cdr vecs))))))

;; ---- iteration ---------------------------------------------------------------------------------

(def (vector-fold kons knil . vecs)
  (let (n (%shortest "vector-fold" vecs))
    (let loop ((i 0) (acc knil)) (if (= i n) acc (loop (+ i 1) (apply kons acc (%at vecs i)))))))

(def (vector-fold-right kons knil . vecs)
  (let (n (%shortest "vector-fold-right" vecs))
    (let loop ((i (- n 1)) (acc knil)) (if (< i 0) acc (loop (- i 1) (apply kons acc (%at vecs i)))))))

(def (vector-map! f . vecs)
  (let (n (%shortest "vector-map!" vecs))
    (let loop ((i 0)) (when (< i n) (vector-set! (car vecs) i (apply f (%at vecs i))) (loop (+ i 1))))))

(def (vector-count pred? . vecs)
  (apply vector-fold (lambda (count . xs) (if (apply pred? xs) (+ count 1) count)) 0 vecs))

(def (vector-cumulate f knil v)
  (let* ((n (vector-length (%vector "vector-cumulate" v))) (out (make-vector n)))
    (let loop ((i 0) (acc knil))
      (if (= i n) out (let (x (f acc (vector-ref v i))) (vector-set! out i x) (loop (+ i 1) x))))))

;; ---- searching ---------------------------------------------------------------------------------

(def (%index who want? pred? vecs from-right?)
  (let (n (%shortest who vecs))
    (let loop ((i (if from-right? (- n 1) 0)))
      (cond ((or (< i 0) (= i n)) #f)
            ((eq? want? (and (apply pred? (%at vecs i)) #t)) i)
            (else (loop (if from-right? (- i 1) (+ i 1))))))))

(def (vector-index pred? . vecs) (%index "vector-index" #t pred? vecs #f))
(def (vector-index-right pred? . vecs) (%index "vector-index-right" #t pred? vecs #t))
(def (vector-skip pred? . vecs) (%index "vector-skip" #f pred? vecs #f))
(def (vector-skip-right pred? . vecs) (%index "vector-skip-right" #f pred? vecs #t))

;; (cmp element value): negative, zero or positive.
(def (vector-binary-search v value cmp (start 0) (end #f))
  (let (end (%range "vector-binary-search" v start end))
    (let loop ((lo start) (hi end))
      (and (< lo hi)
           (let* ((mid (quotient (+ lo hi) 2)) (c (cmp (vector-ref v mid) value)))
             (cond ((= c 0) mid) ((< c 0) (loop (+ mid 1) hi)) (else (loop lo mid))))))))

(def (vector-any pred? . vecs)
  (let (n (%shortest "vector-any" vecs))
    (let loop ((i 0)) (and (< i n) (or (apply pred? (%at vecs i)) (loop (+ i 1)))))))

(def (vector-every pred? . vecs)
  (let (n (%shortest "vector-every" vecs))
    (let loop ((i 0) (last #t))
      (if (= i n) last (let (x (apply pred? (%at vecs i))) (and x (loop (+ i 1) x)))))))

;; The elements that satisfy pred? first, then the others, each in order; and how many satisfy it.
(def (vector-partition pred? v)
  (let* ((l (vector->list (%vector "vector-partition" v)))
         (yes (filter pred? l)))
    (values (list->vector (append yes (filter (lambda (x) (not (pred? x))) l))) (length yes))))

;; ---- mutators ----------------------------------------------------------------------------------

(def (vector-swap! v i j)
  (let (x (vector-ref v i)) (vector-set! v i (vector-ref v j)) (vector-set! v j x)))

(def (vector-reverse! v (start 0) (end #f))
  (let (end (%range "vector-reverse!" v start end))
    (let loop ((i start) (j (- end 1))) (when (< i j) (vector-swap! v i j) (loop (+ i 1) (- j 1))))))

(def (vector-reverse-copy! to at from (start 0) (end #f))
  (let (end (%range "vector-reverse-copy!" from start end))
    (vector-copy! to at (vector-reverse-copy from start end))))

;; ---- conversion --------------------------------------------------------------------------------

(def (reverse-vector->list v (start 0) (end #f))
  (let (end (%range "reverse-vector->list" v start end))
    (let loop ((i start) (acc '())) (if (= i end) acc (loop (+ i 1) (cons (vector-ref v i) acc))))))

(def (reverse-list->vector l) (list->vector (reverse l)))

(def (%list->vector l (start 0) (end #f))
  (let* ((v (list->vector l)) (end (%range "list->vector" v start end)))
    (if (and (= start 0) (= end (vector-length v))) v (vector-copy v start end))))
