;;; :std/misc/list -- list utilities (cons.io reference/std/misc/list).
;;; Hash-table options (delete-duplicates/hash table:, group-same table:) take Gerbil hash
;;; tables, as the page says (make-hash-table by default); a key present counts as seen.

(import :std/srfi/1 :std/misc/list-builder (only-in :std/error raise-bad-argument))

(export
  length=? length<? length<=? length>? length>=?
  length=n? length<n? length<=n? length>n? length>=n?
  snoc append1 for-each! push! pop! flatten flatten1 unique unique!
  delete-duplicates/hash duplicates rassoc when/list when-list-or-empty listify keyword-when
  slice slice-right slice! slice-right! butlast split take-until take-until! drop-until
  group-consecutive group-n-consecutive group-same map/car every-consecutive?
  separate-keyword-arguments first-and-only plist->alist alist->plist
  with-list-builder call-with-list-builder)

;;; ---- length comparisons: walk both lists only as far as needed -----------------------------

(def (length<? x y)
  (cond ((not (pair? x)) (pair? y))
        ((not (pair? y)) #f)
        (else (length<? (cdr x) (cdr y)))))

(def (length=? x y)
  (cond ((not (pair? x)) (not (pair? y)))
        ((not (pair? y)) #f)
        (else (length=? (cdr x) (cdr y)))))

(def (length<=? x y) (not (length<? y x)))
(def (length>? x y) (length<? y x))
(def (length>=? x y) (not (length<? x y)))

;; The page's meaning is its "less efficient variant", (= (length x) n) and so on, walking x
;; only as far as n decides: the count of x's pairs, stopping once it passes (floor n), which
;; is the length when x ends before and otherwise a count already greater than n. So n may be
;; any real (an infinite one decides without walking; a circular x is longer than any finite
;; n), and as with = and <, length=n? of a non-real number is #f and the others' a bad argument.
(def (%count-past x n)
  (let (limit (floor n))
    (let loop ((x x) (k 0))
      (if (or (not (pair? x)) (> k limit)) k (loop (cdr x) (+ k 1))))))

(def (%compare-length who x n cmp)
  (cond ((not (real? n)) (raise-bad-argument who "a real number" n))
        ((infinite? n) (cmp 0 n))
        (else (cmp (%count-past x n) n))))

(def (length=n? x n)
  (cond ((and (number? n) (not (real? n))) #f)
        ((and (real? n) (infinite? n)) #f)
        ((real? n) (let (k (%count-past x n)) (and (<= k (floor n)) (= k n))))
        (else (raise-bad-argument 'length=n? "a number" n))))
(def (length<n? x n) (%compare-length 'length<n? x n <))
(def (length<=n? x n) (%compare-length 'length<=n? x n <=))
(def (length>n? x n) (%compare-length 'length>n? x n >))
(def (length>=n? x n) (%compare-length 'length>=n? x n >=))

;;; ---- adding at the end, iterating ---------------------------------------------------------------

(def (%check-list lst who)
  (unless (list? lst) (error "expected a proper list" who lst)))

(def (snoc elem lst)
  (%check-list lst 'snoc)
  (append lst (list elem)))

(def (append1 lst elem)
  (%check-list lst 'append1)
  (append lst (list elem)))

;; Like for-each with the arguments swapped; an improper tail is ignored.
(def (for-each! lst proc)
  (let loop ((l lst))
    (when (pair? l)
      (proc (car l))
      (loop (cdr l)))))

(defrules push! ()
  ((_ elem place) (set! place (cons elem place))))

(defrules pop! ()
  ((_ place)
   (let ((l place))
     (if (pair? l)
       (begin (set! place (cdr l)) (car l))
       #f))))

;;; ---- flattening, duplicates -----------------------------------------------------------------

(def (flatten tree)
  (let walk ((x tree) (acc '()))
    ;; right to left, so the result needs no reverse
    (cond ((null? x) acc)
          ((pair? x) (walk (car x) (walk (cdr x) acc)))
          (else (cons x acc)))))

(def (flatten1 lst)
  (%check-list lst 'flatten1)
  (append-map (lambda (x)
                (cond ((list? x) x)
                      ((pair? x) (error "expected a proper list" 'flatten1 x))
                      (else (list x))))
              lst))

(def (unique lst (test equal?)) (delete-duplicates lst test))
(def (unique! lst (test equal?)) (delete-duplicates! lst test))

;; O(n) with a hash table; by default the last occurrence of each key is kept.
(def (delete-duplicates/hash lst table: (table #f) key: (key identity) from-end?: (from-end? #f))
  (let ((seen (or table (make-hash-table))))
    (def (keep l)
      (let loop ((l l) (acc '()))
        (if (pair? l)
          (let ((k (key (car l))))
            (if (not (hash-key? seen k))
              (begin (hash-put! seen k #t) (loop (cdr l) (cons (car l) acc)))
              (loop (cdr l) acc)))
          acc)))
    (if from-end?
      (reverse! (keep lst))
      (keep (reverse lst)))))

;; The keyword is parsed by hand: Safepoint's lambda lists take keywords only after all
;; optionals, but Gerbil allows (duplicates lst key: cdr).
(def (duplicates lst . args)
  (defvalues (test key) (%optional+key args equal? key: #f))
  (let loop ((l lst) (counts '()))
    (if (pair? l)
      (let* ((k (if key (key (car l)) (car l)))
             (entry (find (lambda (e) (test (car e) k)) counts)))
        (if entry
          (begin (set-cdr! entry (+ (cdr entry) 1)) (loop (cdr l) counts))
          (loop (cdr l) (cons (cons k 1) counts))))
      (filter (lambda (e) (> (cdr e) 1)) (reverse! counts)))))

(def (rassoc elem alist (pred eqv?))
  (find (lambda (p) (and (pair? p) (pred elem (cdr p)))) alist))

;; (%optional+key args default kw kw-default): the one optional positional argument and the
;; one keyword argument found in args, wherever the keyword is.
(def (%optional+key args default kw kw-default)
  (let loop ((a args) (pos '()) (kv kw-default))
    (cond ((null? a)
           (values (if (pair? pos) (car (reverse pos)) default) kv))
          ((and (eq? (car a) kw) (pair? (cdr a))) (loop (cddr a) pos (cadr a)))
          ((keyword? (car a)) (error "Unknown keyword argument" (car a)))
          (else (loop (cdr a) (cons (car a) pos) kv)))))

;;; ---- conditional lists ----------------------------------------------------------------------

(defrules when/list ()
  ((_ c lst) (if c lst '())))

(defrules when-list-or-empty ()
  ((_ lst body ...) (if (pair? lst) (begin body ...) '())))

(def (listify x) (if (or (pair? x) (null? x)) x '()))

(defrules keyword-when ()
  ((_ kw c) (let ((v c)) (if v (list kw v) '())))
  ((_ kw c value) (if c (list kw value) '())))

;;; ---- slicing ----------------------------------------------------------------------------------

(def (slice lst start (limit #f))
  (let ((rest (drop lst start)))
    (if limit (take rest limit) rest)))

(def (slice! lst start (limit #f))
  (let ((rest (drop lst start)))
    (if limit (take! rest limit) rest)))

(def (slice-right lst start (limit #f))
  (let ((front (drop-right lst start)))
    (if limit (take-right front limit) front)))

(def (slice-right! lst start (limit #f))
  (let ((front (drop-right! lst start)))
    (if limit (take-right front limit) front)))

(def (butlast lst)
  (if (pair? lst) (drop-right lst 1) lst))

;; Split at elements equal to stop (or satisfying it, if a procedure), at most limit times.
;; A trailing separator makes no empty last part.
(def (split lst stop (limit #f))
  (let ((test (if (procedure? stop) stop (lambda (x) (equal? x stop)))))
    (let loop ((xs lst) (buf '()) (n (if limit limit -1)))
      (cond ((= n 0) (if (eqv? limit 0) lst (if (pair? xs) (list xs) '())))
            ((null? xs) (if (pair? buf) (list (reverse buf)) '()))
            ((test (car xs)) (cons (reverse buf) (loop (cdr xs) '() (- n 1))))
            (else (loop (cdr xs) (cons (car xs) buf) n))))))

(def (take-until pred lst) (take-while (lambda (x) (not (pred x))) lst))
(def (take-until! pred lst) (take-while! (lambda (x) (not (pred x))) lst))
(def (drop-until pred lst) (drop-while (lambda (x) (not (pred x))) lst))

;;; ---- grouping ---------------------------------------------------------------------------------

;; A new group starts where (test previous current) is false.
(def (group-consecutive lst (test equal?))
  (if (null? lst) '()
    (let loop ((prev (car lst)) (rest (cdr lst)) (buf (list (car lst))) (acc '()))
      (if (pair? rest)
        (let ((x (car rest)))
          (if (test prev x)
            (loop x (cdr rest) (cons x buf) acc)
            (loop x (cdr rest) (list x) (cons (reverse! buf) acc))))
        (reverse! (cons (reverse! buf) acc))))))

(def (group-n-consecutive n lst)
  (unless (and (exact-integer? n) (> n 0)) (error "expected a positive integer" n))
  (let loop ((l lst) (acc '()))
    (if (pair? l)
      (let chunk ((l l) (k n) (buf '()))
        (if (and (pair? l) (> k 0))
          (chunk (cdr l) (- k 1) (cons (car l) buf))
          ;; an improper tail stays as the terminator of the last group
          (let ((group (append-reverse! buf (if (pair? l) '() l))))
            (loop (if (pair? l) l '()) (cons group acc)))))
      (reverse! acc))))

(def (group-same lst key: (key identity) table: (table #f))
  (let ((t (or table (make-hash-table)))
        (order '()))
    (for-each (lambda (x)
                (let* ((k (key x)) (old (hash-ref t k '())))
                  (unless (hash-key? t k) (set! order (cons k order)))
                  (hash-put! t k (cons x old))))
              lst)
    (map (lambda (k) (reverse (hash-ref t k))) (reverse! order))))

(def (map/car f pair) (cons (f (car pair)) (cdr pair)))

(def (every-consecutive? pred lst)
  (or (null? lst)
      (let loop ((x (car lst)) (r (cdr lst)))
        (or (null? r) (and (pred x (car r)) (loop (car r) (cdr r)))))))

;;; ---- keyword arguments, plists ------------------------------------------------------------------

(def (separate-keyword-arguments args (positionals-only? #f))
  (let loop ((rest args) (pos '()) (kws '()))
    (cond ((null? rest) (values (reverse! pos) (reverse! kws)))
          ((eq? (car rest) '#!rest)
           (values (append-reverse! pos (if positionals-only? (cdr rest) rest)) (reverse! kws)))
          ((and (eq? (car rest) '#!key) (pair? (cdr rest)))
           (loop (cddr rest)
                 (if positionals-only? (cons (cadr rest) pos) (cons (cadr rest) (cons '#!key pos)))
                 kws))
          ((and (keyword? (car rest)) (pair? (cdr rest)))
           (loop (cddr rest) pos (cons (cadr rest) (cons (car rest) kws))))
          (else (loop (cdr rest) (cons (car rest) pos) kws)))))

(def (first-and-only x)
  (unless (and (pair? x) (null? (cdr x)))
    (error "Assertion failed" '(and (pair? x) (null? (cdr x)))))
  (car x))

(def (plist->alist plist)
  (let loop ((p plist))
    (cond ((null? p) '())
          ((and (pair? p) (pair? (cdr p))) (cons (cons (car p) (cadr p)) (loop (cddr p))))
          (else (error "improper plist" plist)))))

(def (alist->plist alist)
  (let loop ((a alist))
    (cond ((null? a) '())
          ((and (pair? a) (pair? (car a))) (cons (caar a) (cons (cdar a) (loop (cdr a)))))
          (else (error "improper alist" alist)))))
