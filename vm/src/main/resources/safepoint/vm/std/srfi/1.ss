;;; :std/srfi/1 -- SRFI-1 list library (cons.io reference/srfi/srfi-1, srfi.schemers.org/srfi-1).
;;; Written from the SRFI text. The procedures Gambit already has (car, cons*, append, iota,
;;; member/assoc with an optional predicate, ...) are re-exported as they are.

(export
  ;; constructors
  xcons cons list cons* make-list list-tabulate list-copy circular-list iota
  ;; predicates
  pair? null? proper-list? circular-list? dotted-list? not-pair? null-list? list=
  ;; selectors
  car cdr caar cadr cdar cddr caaar caadr cadar caddr cdaar cdadr cddar cdddr
  caaaar caaadr caadar caaddr cadaar cadadr caddar cadddr
  cdaaar cdaadr cdadar cdaddr cddaar cddadr cdddar cddddr
  list-ref first second third fourth fifth sixth seventh eighth ninth tenth
  car+cdr take drop take-right drop-right take! drop-right! split-at split-at!
  last last-pair
  ;; miscellaneous
  length length+ append concatenate reverse append! concatenate! reverse!
  append-reverse append-reverse! zip unzip1 unzip2 unzip3 unzip4 unzip5 count
  ;; fold, unfold, map
  fold unfold pair-fold reduce fold-right unfold-right pair-fold-right reduce-right
  append-map append-map! pair-for-each filter-map map-in-order map map! for-each
  ;; filtering, partitioning
  filter partition remove filter! partition! remove!
  ;; searching
  member memq memv find find-tail any every list-index
  take-while drop-while take-while! span break span! break!
  ;; deleting
  delete delete-duplicates delete! delete-duplicates!
  ;; association lists
  assoc assq assv alist-cons alist-copy alist-delete alist-delete!
  ;; lists as sets
  lset<= lset= lset-adjoin lset-union lset-intersection lset-difference lset-xor
  lset-diff+intersection lset-union! lset-intersection! lset-difference! lset-xor!
  lset-diff+intersection!
  tree-copy)

;;; ---- constructors ----------------------------------------------------------------------------

(define (xcons a b) (cons b a))

(define (list-tabulate n init-proc)
  (let loop ((i (- n 1)) (acc '()))
    (if (< i 0) acc (loop (- i 1) (cons (init-proc i) acc)))))

(define (circular-list elt . elts)
  (let ((lst (cons elt elts)))
    (set-cdr! (last-pair lst) lst)
    lst))

;;; ---- predicates ------------------------------------------------------------------------------

;; Floyd's tortoise and hare: 'proper, 'dotted or 'circular.
(define (%list-shape x)
  (let loop ((slow x) (fast x))
    (cond ((null? fast) 'proper)
          ((not (pair? fast)) 'dotted)
          (else
           (let ((fast (cdr fast)))
             (cond ((null? fast) 'proper)
                   ((not (pair? fast)) 'dotted)
                   (else
                    (let ((fast (cdr fast)) (slow (cdr slow)))
                      (if (eq? fast slow) 'circular (loop slow fast))))))))))

(define (proper-list? x) (eq? (%list-shape x) 'proper))
(define (circular-list? x) (eq? (%list-shape x) 'circular))
(define (dotted-list? x) (eq? (%list-shape x) 'dotted))
(define (not-pair? x) (not (pair? x)))

(define (null-list? l)
  (cond ((pair? l) #f)
        ((null? l) #t)
        (else (error "null-list?: argument out of domain" l))))

(define (list= elt= . lists)
  (define (two a b)
    (let loop ((a a) (b b))
      (cond ((null? a) (null? b))
            ((null? b) #f)
            (else (and (elt= (car a) (car b)) (loop (cdr a) (cdr b)))))))
  (let loop ((lists lists))
    (or (null? lists) (null? (cdr lists))
        (and (two (car lists) (cadr lists)) (loop (cdr lists))))))

;;; ---- selectors -------------------------------------------------------------------------------

(define (caaadr x) (car (car (car (cdr x)))))
(define (caadar x) (car (car (cdr (car x)))))
(define (caaddr x) (car (car (cdr (cdr x)))))
(define (cadaar x) (car (cdr (car (car x)))))
(define (cadadr x) (car (cdr (car (cdr x)))))
(define (caddar x) (car (cdr (cdr (car x)))))
(define (cdaaar x) (cdr (car (car (car x)))))
(define (cdaadr x) (cdr (car (car (cdr x)))))
(define (cdadar x) (cdr (car (cdr (car x)))))
(define (cdaddr x) (cdr (car (cdr (cdr x)))))
(define (cddaar x) (cdr (cdr (car (car x)))))
(define (cddadr x) (cdr (cdr (car (cdr x)))))
(define (cdddar x) (cdr (cdr (cdr (car x)))))

(define (first x) (car x))
(define (second x) (car (cdr x)))
(define (third x) (car (cddr x)))
(define (fourth x) (car (cdddr x)))
(define (fifth x) (car (cddddr x)))
(define (sixth x) (cadr (cddddr x)))
(define (seventh x) (caddr (cddddr x)))
(define (eighth x) (cadddr (cddddr x)))
(define (ninth x) (car (cddddr (cddddr x))))
(define (tenth x) (cadr (cddddr (cddddr x))))

(define (car+cdr p) (values (car p) (cdr p)))

(define (take lis k)
  (let loop ((lis lis) (k k) (acc '()))
    (if (= k 0) (reverse! acc) (loop (cdr lis) (- k 1) (cons (car lis) acc)))))

(define (drop lis k)
  (if (= k 0) lis (drop (cdr lis) (- k 1))))

(define (take! lis k)
  (if (= k 0) '()
      (begin (set-cdr! (drop lis (- k 1)) '()) lis)))

(define (take-right lis k)
  (let loop ((lag lis) (lead (drop lis k)))
    (if (pair? lead) (loop (cdr lag) (cdr lead)) lag)))

(define (drop-right lis k)
  (let loop ((lag lis) (lead (drop lis k)) (acc '()))
    (if (pair? lead)
        (loop (cdr lag) (cdr lead) (cons (car lag) acc))
        (reverse! acc))))

(define (drop-right! lis k)
  (let ((lead (drop lis k)))
    (if (pair? lead)
        (let loop ((lag lis) (lead (cdr lead)))
          (if (pair? lead)
              (loop (cdr lag) (cdr lead))
              (begin (set-cdr! lag '()) lis)))
        '())))

(define (split-at x k) (values (take x k) (drop x k)))

(define (split-at! x k)
  (if (= k 0) (values '() x)
      (let* ((prev (drop x (- k 1))) (suffix (cdr prev)))
        (set-cdr! prev '())
        (values x suffix))))

(define (last pair) (car (last-pair pair)))

;;; ---- miscellaneous ---------------------------------------------------------------------------

(define (length+ x)
  (and (not (circular-list? x))
       (let loop ((x x) (n 0)) (if (pair? x) (loop (cdr x) (+ n 1)) n))))

(define (concatenate lists) (apply append lists))

(define (append! . lists)
  (let loop ((lists lists))
    (cond ((null? lists) '())
          ((null? (cdr lists)) (car lists))
          ((null? (car lists)) (loop (cdr lists)))
          (else
           (set-cdr! (last-pair (car lists)) (loop (cdr lists)))
           (car lists)))))

(define (concatenate! lists) (apply append! lists))

(define (append-reverse rev-head tail)
  (if (null? rev-head) tail (append-reverse (cdr rev-head) (cons (car rev-head) tail))))

(define (append-reverse! rev-head tail) (append-reverse rev-head tail))

;; The cars of the lists, or #f when one of them has run out.
(define (%cars lists)
  (let loop ((ls lists) (acc '()))
    (cond ((null? ls) (reverse! acc))
          ((pair? (car ls)) (loop (cdr ls) (cons (caar ls) acc)))
          (else #f))))

(define (%cdrs lists) (map cdr lists))

(define (zip list1 . more) (apply map list list1 more))

(define (unzip1 lis) (map car lis))
(define (unzip2 lis) (values (map car lis) (map cadr lis)))
(define (unzip3 lis) (values (map car lis) (map cadr lis) (map caddr lis)))
(define (unzip4 lis) (values (map car lis) (map cadr lis) (map caddr lis) (map cadddr lis)))
(define (unzip5 lis)
  (values (map car lis) (map cadr lis) (map caddr lis) (map cadddr lis) (map (lambda (x) (car (cddddr x))) lis)))

(define (count pred list1 . lists)
  (if (null? lists)
      (let loop ((l list1) (n 0))
        (if (pair? l) (loop (cdr l) (if (pred (car l)) (+ n 1) n)) n))
      (let loop ((ls (cons list1 lists)) (n 0))
        (let ((cars (%cars ls)))
          (if cars (loop (%cdrs ls) (if (apply pred cars) (+ n 1) n)) n)))))

;;; ---- fold, unfold, map -----------------------------------------------------------------------

(define (fold kons knil lis1 . lists)
  (if (null? lists)
      (let loop ((l lis1) (acc knil))
        (if (pair? l) (loop (cdr l) (kons (car l) acc)) acc))
      (let loop ((ls (cons lis1 lists)) (acc knil))
        (let ((cars (%cars ls)))
          (if cars (loop (%cdrs ls) (apply kons (append cars (list acc)))) acc)))))

(define (fold-right kons knil lis1 . lists)
  (if (null? lists)
      (let loop ((l (reverse lis1)) (acc knil))
        (if (pair? l) (loop (cdr l) (kons (car l) acc)) acc))
      (let loop ((rows (reverse (apply map list lis1 lists))) (acc knil))
        (if (pair? rows) (loop (cdr rows) (apply kons (append (car rows) (list acc)))) acc))))

(define (pair-fold kons knil lis1 . lists)
  (if (null? lists)
      (let loop ((l lis1) (acc knil))
        (if (pair? l) (let ((next (cdr l))) (loop next (kons l acc))) acc))
      (let loop ((ls (cons lis1 lists)) (acc knil))
        (if (every pair? ls)
            (let ((next (%cdrs ls))) (loop next (apply kons (append ls (list acc)))))
            acc))))

(define (pair-fold-right kons knil lis1 . lists)
  (if (null? lists)
      (let recur ((l lis1))
        (if (pair? l) (kons l (recur (cdr l))) knil))
      (let recur ((ls (cons lis1 lists)))
        (if (every pair? ls) (apply kons (append ls (list (recur (%cdrs ls))))) knil))))

(define (reduce f ridentity lis)
  (if (null? lis) ridentity (fold f (car lis) (cdr lis))))

(define (reduce-right f ridentity lis)
  (if (null? lis) ridentity
      (let recur ((head (car lis)) (lis (cdr lis)))
        (if (pair? lis) (f head (recur (car lis) (cdr lis))) head))))

(define (unfold p f g seed #!optional (tail-gen #f))
  (let loop ((seed seed) (acc '()))
    (if (p seed)
        (append-reverse! acc (if tail-gen (tail-gen seed) '()))
        (loop (g seed) (cons (f seed) acc)))))

(define (unfold-right p f g seed #!optional (tail '()))
  (let loop ((seed seed) (acc tail))
    (if (p seed) acc (loop (g seed) (cons (f seed) acc)))))

(define (append-map f lis1 . lists)
  (apply append (apply map f lis1 lists)))

(define (append-map! f lis1 . lists)
  (apply append! (apply map f lis1 lists)))

(define (pair-for-each proc lis1 . lists)
  (if (null? lists)
      (let loop ((l lis1))
        (when (pair? l) (let ((next (cdr l))) (proc l) (loop next))))
      (let loop ((ls (cons lis1 lists)))
        (when (every pair? ls) (let ((next (%cdrs ls))) (apply proc ls) (loop next))))))

(define (filter-map f lis1 . lists)
  (if (null? lists)
      (let loop ((l lis1) (acc '()))
        (if (pair? l)
            (let ((v (f (car l)))) (loop (cdr l) (if v (cons v acc) acc)))
            (reverse! acc)))
      (let loop ((ls (cons lis1 lists)) (acc '()))
        (let ((cars (%cars ls)))
          (if cars
              (let ((v (apply f cars))) (loop (%cdrs ls) (if v (cons v acc) acc)))
              (reverse! acc))))))

(define (map-in-order f lis1 . lists)
  (if (null? lists)
      (let loop ((l lis1) (acc '()))
        (if (pair? l) (let ((v (f (car l)))) (loop (cdr l) (cons v acc))) (reverse! acc)))
      (let loop ((ls (cons lis1 lists)) (acc '()))
        (let ((cars (%cars ls)))
          (if cars (let ((v (apply f cars))) (loop (%cdrs ls) (cons v acc))) (reverse! acc))))))

(define (map! f lis1 . lists) (apply map f lis1 lists))

;;; ---- filtering, partitioning -----------------------------------------------------------------

(define (filter pred lis)
  (let loop ((l lis) (acc '()))
    (if (pair? l)
        (loop (cdr l) (if (pred (car l)) (cons (car l) acc) acc))
        (reverse! acc))))

(define (remove pred lis) (filter (lambda (x) (not (pred x))) lis))

(define (partition pred lis)
  (let loop ((l lis) (in '()) (out '()))
    (if (pair? l)
        (if (pred (car l))
            (loop (cdr l) (cons (car l) in) out)
            (loop (cdr l) in (cons (car l) out)))
        (values (reverse! in) (reverse! out)))))

(define (filter! pred lis) (filter pred lis))
(define (remove! pred lis) (remove pred lis))
(define (partition! pred lis) (partition pred lis))

;;; ---- searching -------------------------------------------------------------------------------

(define (find pred list)
  (let ((tail (find-tail pred list))) (and tail (car tail))))

(define (find-tail pred list)
  (let loop ((l list))
    (and (pair? l) (if (pred (car l)) l (loop (cdr l))))))

(define (take-while pred lis)
  (let loop ((l lis) (acc '()))
    (if (and (pair? l) (pred (car l)))
        (loop (cdr l) (cons (car l) acc))
        (reverse! acc))))

(define (take-while! pred lis) (take-while pred lis))

(define (drop-while pred lis)
  (let loop ((l lis))
    (if (and (pair? l) (pred (car l))) (loop (cdr l)) l)))

(define (span pred lis)
  (let loop ((l lis) (acc '()))
    (if (and (pair? l) (pred (car l)))
        (loop (cdr l) (cons (car l) acc))
        (values (reverse! acc) l))))

(define (break pred lis) (span (lambda (x) (not (pred x))) lis))
(define (span! pred lis) (span pred lis))
(define (break! pred lis) (break pred lis))

(define (any pred lis1 . lists)
  (if (null? lists)
      (let loop ((l lis1))
        (and (pair? l)
             (if (null? (cdr l)) (pred (car l)) (or (pred (car l)) (loop (cdr l))))))
      (let loop ((ls (cons lis1 lists)))
        (let ((cars (%cars ls)))
          (and cars (or (apply pred cars) (loop (%cdrs ls))))))))

(define (every pred lis1 . lists)
  (if (null? lists)
      (or (null? lis1)
          (let loop ((l lis1))
            (if (null? (cdr l)) (pred (car l)) (and (pred (car l)) (loop (cdr l))))))
      (let loop ((ls (cons lis1 lists)) (last #t))
        (let ((cars (%cars ls)))
          (if cars
              (let ((v (apply pred cars))) (and v (loop (%cdrs ls) v)))
              last)))))

(define (list-index pred lis1 . lists)
  (let loop ((ls (cons lis1 lists)) (i 0))
    (let ((cars (%cars ls)))
      (and cars (if (apply pred cars) i (loop (%cdrs ls) (+ i 1)))))))

;;; ---- deleting --------------------------------------------------------------------------------

(define (delete x lis #!optional (same? equal?))
  (filter (lambda (y) (not (same? x y))) lis))

(define (delete! x lis #!optional (same? equal?)) (delete x lis same?))

(define (delete-duplicates lis #!optional (same? equal?))
  (let loop ((l lis) (acc '()))
    (if (pair? l)
        (let ((x (car l)))
          (loop (cdr l) (if (any (lambda (y) (same? y x)) acc) acc (cons x acc))))
        (reverse! acc))))

(define (delete-duplicates! lis #!optional (same? equal?)) (delete-duplicates lis same?))

;;; ---- association lists -----------------------------------------------------------------------

(define (alist-cons key datum alist) (cons (cons key datum) alist))

(define (alist-copy alist)
  (map (lambda (elt) (cons (car elt) (cdr elt))) alist))

(define (alist-delete key alist #!optional (same? equal?))
  (filter (lambda (elt) (not (same? key (car elt)))) alist))

(define (alist-delete! key alist #!optional (same? equal?)) (alist-delete key alist same?))

;;; ---- lists as sets ---------------------------------------------------------------------------

(define (%member x lis same?) (any (lambda (y) (same? y x)) lis))

;; SRFI-1: comparing an element of list i with one of list i+1, = gets list i's element first.
(define (%subset? same? a b) (every (lambda (x) (any (lambda (y) (same? x y)) b)) a))
(define (%superset? same? a b) (every (lambda (y) (any (lambda (x) (same? x y)) a)) b))

(define (lset<= same? . lists)
  (let loop ((lists lists))
    (or (null? lists) (null? (cdr lists))
        (and (%subset? same? (car lists) (cadr lists))
             (loop (cdr lists))))))

(define (lset= same? . lists)
  (let loop ((lists lists))
    (or (null? lists) (null? (cdr lists))
        (and (%subset? same? (car lists) (cadr lists))
             (%superset? same? (car lists) (cadr lists))
             (loop (cdr lists))))))

(define (lset-adjoin same? lis . elts)
  (fold (lambda (elt acc) (if (%member elt acc same?) acc (cons elt acc)))
        lis elts))

(define (lset-union same? . lists)
  (reduce (lambda (lis acc)
            (cond ((null? lis) acc)
                  ((null? acc) lis)
                  ((eq? lis acc) acc)
                  (else
                   (fold (lambda (elt ans) (if (%member elt ans same?) ans (cons elt ans)))
                         acc lis))))
          '() lists))

(define (lset-intersection same? lis1 . lists)
  (filter (lambda (x) (every (lambda (lis) (%member x lis same?)) lists)) lis1))

(define (lset-difference same? lis1 . lists)
  (filter (lambda (x) (every (lambda (lis) (not (%member x lis same?))) lists)) lis1))

(define (lset-xor same? . lists)
  (reduce (lambda (b a)
            (append (filter (lambda (x) (not (%member x b same?))) a)
                    (filter (lambda (x) (not (%member x a same?))) b)))
          '() lists))

(define (lset-diff+intersection same? lis1 . lists)
  (partition (lambda (x) (not (any (lambda (lis) (%member x lis same?)) lists))) lis1))

(define (lset-union! same? . lists) (apply lset-union same? lists))
(define (lset-intersection! same? lis1 . lists) (apply lset-intersection same? lis1 lists))
(define (lset-difference! same? lis1 . lists) (apply lset-difference same? lis1 lists))
(define (lset-xor! same? . lists) (apply lset-xor same? lists))
(define (lset-diff+intersection! same? lis1 . lists) (apply lset-diff+intersection same? lis1 lists))

(define (tree-copy x)
  (if (pair? x) (cons (tree-copy (car x)) (tree-copy (cdr x))) x))
