;;; Safepoint prelude: library procedures written in Scheme. They run on the interpreter like
;;; user code (so they are preemptible and visible in backtraces); the ones that take procedures
;;; must, since no primitive calls back into the interpreter.

(define member
  (let ((member2 member))
    (lambda (x lst #!optional (same? #!default))
      (if (eq? same? #!default)
          (member2 x lst)
          (let loop ((l lst))
            (cond ((not (pair? l)) #f)
                  ((same? x (car l)) l)
                  (else (loop (cdr l)))))))))

(define assoc
  (let ((assoc2 assoc))
    (lambda (x alist #!optional (same? #!default))
      (if (eq? same? #!default)
          (assoc2 x alist)
          (let loop ((l alist))
            (cond ((not (pair? l)) #f)
                  ((same? x (car (car l))) (car l))
                  (else (loop (cdr l)))))))))

(define (string-for-each proc s . more)
  (if (null? more)
      (let ((n (string-length s)))
        (do ((i 0 (+ i 1))) ((= i n)) (proc (string-ref s i))))
      (apply for-each proc (map string->list (cons s more)))))

(define (string-map proc s . more)
  (if (null? more)
      (list->string (map proc (string->list s)))
      (list->string (apply map proc (map string->list (cons s more))))))

(define (list-sort less? lst)
  ;; A stable merge sort; (sort lst less?) and (list-sort less? lst) both work.
  (define (merge a b)
    (cond ((null? a) b)
          ((null? b) a)
          ((less? (car b) (car a)) (cons (car b) (merge a (cdr b))))
          (else (cons (car a) (merge (cdr a) b)))))
  (define (sort-n l n)
    (if (<= n 1)
        (if (= n 0) '() (list (car l)))
        (let ((half (quotient n 2)))
          (merge (sort-n l half) (sort-n (list-tail l half) (- n half))))))
  (sort-n lst (length lst)))

(define (sort seq less?)
  (if (vector? seq)
      (list->vector (list-sort less? (vector->list seq)))
      (list-sort less? seq)))

(define (call-with-output-string . args)
  ;; Gambit and Gerbil take an optional first argument (a string, or port settings) before the procedure;
  ;; a string is what the port holds before proc writes.
  (let ((proc (car (last-pair args)))
        (port (open-output-string)))
    (if (and (pair? (cdr args)) (string? (car args))) (write-string (car args) port))
    (proc port)
    (get-output-string port)))

(define (with-output-to-string . args)
  ;; Gambit accepts an optional first argument (port settings) before the thunk.
  (let ((thunk (car (last-pair args)))
        (port (open-output-string)))
    (parameterize ((current-output-port port)) (thunk))
    (get-output-string port)))

(define (call-with-input-string str proc)
  (proc (open-input-string str)))

(define (with-input-from-string str thunk)
  (parameterize ((current-input-port (open-input-string str))) (thunk)))

(define (call-with-port port proc)
  (call-with-values (lambda () (proc port))
    (lambda vals (close-port port) (apply values vals))))

(define (table-for-each proc table)
  (for-each (lambda (entry) (proc (car entry) (cdr entry))) (table->list table)))

(define (pp obj #!optional (port (current-output-port)))
  (display (##pretty-string obj) port))

;;; Gerbil runtime helpers (cons.io reference/gerbil/runtime).

(define (1+ x) (+ x 1))
(define (1- x) (- x 1))

(define (displayln . args)
  (for-each display args)
  (newline))

(define (display* . args)
  (for-each display args))

;;; Gerbil's control-flow helpers (cons.io reference/gerbil/runtime/control-flow.md).

(define (with-catch handler thunk)
  ;; The handler runs after escaping to with-catch's continuation.
  ((call/cc
    (lambda (k)
      (with-exception-handler
       (lambda (e) (k (lambda () (handler e))))
       (lambda ()
         (call-with-values thunk
           (lambda vals (lambda () (apply values vals))))))))))

;;; Gambit's with-exception-catcher (gambit.txi "Exception handling"): the same escape-then-handle.
(define (with-exception-catcher handler thunk) (with-catch handler thunk))

(define (with-unwind-protect thunk cleanup)
  (dynamic-wind (lambda () #!void) thunk cleanup))

(define (error-message e) (error-object-message e))
(define (error-irritants e) (error-object-irritants e))

;;; Gambit 4.9.3 list folds (SRFI 1 argument order) and table-search.

(define (fold kons knil lst . lsts)
  (if (null? lsts)
      (let loop ((acc knil) (l lst))
        (if (pair? l) (loop (kons (car l) acc) (cdr l)) acc))
      (let loop ((acc knil) (ls (cons lst lsts)))
        (if (let any-empty ((ls ls)) (and (pair? ls) (or (not (pair? (car ls))) (any-empty (cdr ls)))))
            acc
            (loop (apply kons (append (map car ls) (list acc))) (map cdr ls))))))

(define (fold-left f acc lst . lsts)
  (if (null? lsts)
      (let loop ((acc acc) (l lst))
        (if (pair? l) (loop (f acc (car l)) (cdr l)) acc))
      (let loop ((acc acc) (ls (cons lst lsts)))
        (if (let any-empty ((ls ls)) (and (pair? ls) (or (not (pair? (car ls))) (any-empty (cdr ls)))))
            acc
            (loop (apply f acc (map car ls)) (map cdr ls))))))

(define (fold-right kons knil lst . lsts)
  (if (null? lsts)
      (let loop ((l (reverse lst)) (acc knil))
        (if (pair? l) (loop (cdr l) (kons (car l) acc)) acc))
      (let loop ((ls (map reverse (cons lst lsts))) (acc knil))
        (if (let any-empty ((ls ls)) (and (pair? ls) (or (not (pair? (car ls))) (any-empty (cdr ls)))))
            acc
            (loop (map cdr ls) (apply kons (append (map car ls) (list acc))))))))

(define (table-search proc table)
  (let loop ((entries (table->list table)))
    (cond ((null? entries) #f)
          ((proc (car (car entries)) (cdr (car entries))))
          (else (loop (cdr entries))))))

;;; Gerbil hash tables: the procedures built on hash-for-each (cons.io reference/gerbil/runtime/hash-tables.md).

;; hash-update! of a Gambit table (a weak hash table, lang/NativeTables): ref, then set, as Gerbil's.
(define (##native-hash-update! table key proc default)
  (table-set! table key (proc (table-ref table key default))))

(define (hash-fold proc init table)
  (let ((acc init))
    (hash-for-each (lambda (k v) (set! acc (proc k v acc))) table)
    acc))

(define (hash-map proc table)
  (hash-fold (lambda (k v acc) (cons (proc k v) acc)) '() table))

(define (hash-find proc table)
  (call/cc
   (lambda (return)
     (hash-for-each (lambda (k v) (let ((r (proc k v))) (if r (return r)))) table)
     #f)))

(define (hash-keys table) (hash-fold (lambda (k v acc) (cons k acc)) '() table))
(define (hash-values table) (hash-fold (lambda (k v acc) (cons v acc)) '() table))
(define (hash->list table) (hash-fold (lambda (k v acc) (cons (cons k v) acc)) '() table))
(define (hash->plist table) (hash-fold (lambda (k v acc) (cons k (cons v acc))) '() table))

(define (list->hash-table alist . options)
  (let ((table (apply make-hash-table options)))
    (for-each (lambda (p) (hash-put! table (car p) (cdr p))) alist)
    table))

(define (list->hash-table-eq alist) (list->hash-table alist test: eq?))
(define (list->hash-table-eqv alist) (list->hash-table alist test: eqv?))

(define (plist->hash-table plist . options)
  (let ((table (apply make-hash-table options)))
    (let loop ((l plist))
      (when (pair? l)
        (hash-put! table (car l) (cadr l))
        (loop (cddr l))))
    table))

(define (hash-merge! table . others)
  ;; Entries already in table win (hash-merge-right! lets the others win).
  (for-each (lambda (other)
              (hash-for-each (lambda (k v) (unless (hash-key? table k) (hash-put! table k v))) other))
            others)
  table)

(define (hash-merge table . others) (apply hash-merge! (hash-copy table) others))

(define (hash-merge-right! table . others)
  (for-each (lambda (other) (hash-for-each (lambda (k v) (hash-put! table k v)) other)) others)
  table)

(define (hash-merge-right table . others) (apply hash-merge-right! (hash-copy table) others))

;;; File ports (R7RS 6.13).

(define (call-with-input-file file proc)
  (let* ((port (open-input-file file))
         (result (call-with-values (lambda () (proc port)) list)))
    (close-port port)
    (apply values result)))

(define (call-with-output-file file proc)
  (let* ((port (open-output-file file))
         (result (call-with-values (lambda () (proc port)) list)))
    (close-port port)
    (apply values result)))

(define (with-input-from-file file thunk)
  (let ((port (open-input-file file)))
    (parameterize ((current-input-port port)) (thunk))))

(define (with-output-to-file file thunk)
  (let ((port (open-output-file file)))
    (let ((result (parameterize ((current-output-port port)) (thunk))))
      (close-port port)
      result)))
;; Gerbil's runtime aliases (reference/gerbil/prelude/core.md): (set! (car p) v) expands to
;; (car-set! p v), so the guide's (set! (car a-pair) 'c) needs them.
(define car-set! set-car!)
(define cdr-set! set-cdr!)
(define box-set! set-box!)

;; Gambit's display-exception: the message gsi would show for an exception object.
(define (display-exception e #!optional (port (current-output-port)))
  ;; An object whose class has a display-exception method shows itself (Gerbil's Error classes).
  (let ((method (and (object-type e) (find-method (object-type e) 'display-exception))))
    (if method
        (method e port)
        (begin
          (display (##error-text e) port)
          (newline port)))))

;;; Gerbil's thread helpers (cons.io reference/gerbil/runtime/thread-primitives.md).

(define (spawn f . args)
  (thread-start! (make-thread (lambda () (apply f args)))))

(define (spawn/name name f . args)
  (thread-start! (make-thread (lambda () (apply f args)) name)))

;; In a new thread group named name, made in the current thread's.
(define (spawn/group name f . args)
  (thread-start! (make-thread (lambda () (apply f args)) name (make-thread-group name))))

(define (spawn-thread thunk #!optional (name #f) (tgroup (current-thread-group)))
  (thread-start! (make-thread thunk name tgroup)))

(define (with-lock mx thunk)
  ;; Not reentrant; the mutex is released however thunk exits.
  (dynamic-wind (lambda () (mutex-lock! mx)) thunk (lambda () (mutex-unlock! mx))))

(define (with-spinlock lock thunk)
  (dynamic-wind (lambda () (spinlock-acquire! lock)) thunk (lambda () (spinlock-release! lock))))

;;; Gerbil's runtime procedures that Gerbil's own test files lean on, each as its page in
;;; Gerbil's doc/reference/gerbil/runtime/ says: special-objects.md (true, false, true?, void?),
;;; lists.md (the folds, andmap, ormap, filter, filter-map, find, memf, remf, remove1, remq, remv,
;;; the assget and pget families), misc-procedures.md (values->list, values-count, values-ref,
;;; subvector->list), strings.md (string-empty?, string-prefix?, string-suffix?, string-index,
;;; string-rindex, string-split, string-join).

(define (true . _) #t)
(define (false . _) #f)
(define (true? obj) (eq? obj #t))
(define (void? obj) (eq? obj (void)))

(define (%cars lsts) (if (null? lsts) '() (cons (caar lsts) (%cars (cdr lsts)))))
(define (%cdrs lsts) (if (null? lsts) '() (cons (cdar lsts) (%cdrs (cdr lsts)))))
(define (%any-null? lsts) (and (pair? lsts) (or (null? (car lsts)) (%any-null? (cdr lsts)))))

;; (foldl f iv l ...): f gets the elements then the accumulator, left to right: (foldl cons '() '(1 2)) is (2 1).
(define (foldl f iv . lsts)
  (let loop ((acc iv) (ls lsts))
    (if (%any-null? ls) acc (loop (apply f (append (%cars ls) (list acc))) (%cdrs ls)))))

;; (foldr f iv l ...): from the right: (foldr cons '() '(1 2)) is (1 2).
(define (foldr f iv . lsts)
  (let loop ((ls lsts))
    (if (%any-null? ls) iv (apply f (append (%cars ls) (list (loop (%cdrs ls))))))))

(define (andmap f . lsts)
  (let loop ((ls lsts))
    (cond ((%any-null? ls) #t)
          ((apply f (%cars ls)) (loop (%cdrs ls)))
          (else #f))))

(define (ormap f . lsts)
  (let loop ((ls lsts))
    (if (%any-null? ls) #f (or (apply f (%cars ls)) (loop (%cdrs ls))))))

(define (filter pred lst)
  (let loop ((l lst) (out '()))
    (cond ((null? l) (reverse out))
          ((pred (car l)) (loop (cdr l) (cons (car l) out)))
          (else (loop (cdr l) out)))))

(define (filter-map f . lsts)
  (let loop ((ls lsts) (out '()))
    (if (%any-null? ls)
        (reverse out)
        (let ((v (apply f (%cars ls)))) (loop (%cdrs ls) (if v (cons v out) out))))))

(define (find pred lst)
  (let loop ((l lst)) (cond ((null? l) #f) ((pred (car l)) (car l)) (else (loop (cdr l))))))

(define (memf pred lst)
  (let loop ((l lst)) (cond ((null? l) #f) ((pred (car l)) l) (else (loop (cdr l))))))

(define (remf pred lst) (filter (lambda (x) (not (pred x))) lst))
(define (remq el lst) (remf (lambda (x) (eq? el x)) lst))
(define (remv el lst) (remf (lambda (x) (eqv? el x)) lst))

(define (remove1 el lst)
  (let loop ((l lst) (before '()))
    (cond ((null? l) lst)
          ((equal? el (car l)) (append (reverse before) (cdr l)))
          (else (loop (cdr l) (cons (car l) before))))))

;; A missing key gives the default; a default that is a procedure is applied to the key.
(define (%missing key default) (if (procedure? default) (default key) default))
(define (%assget same? key alist default)
  (let loop ((l alist))
    (cond ((null? l) (%missing key default))
          ((same? key (caar l)) (cdar l))
          (else (loop (cdr l))))))
(define (assgetq key alist #!optional (default #f)) (%assget eq? key alist default))
(define (assgetv key alist #!optional (default #f)) (%assget eqv? key alist default))
(define (assget key alist #!optional (default #f)) (%assget equal? key alist default))
(define (%pget same? key plist default)
  (let loop ((l plist))
    (cond ((or (null? l) (null? (cdr l))) (%missing key default))
          ((same? key (car l)) (cadr l))
          (else (loop (cddr l))))))
(define (pgetq key plist #!optional (default #f)) (%pget eq? key plist default))
(define (pgetv key plist #!optional (default #f)) (%pget eqv? key plist default))
(define (pget key plist #!optional (default #f)) (%pget equal? key plist default))

(define (values->list obj) (call-with-values (lambda () obj) list))
(define (values-count obj) (length (values->list obj)))
(define (values-ref obj k) (list-ref (values->list obj) k))
(define (subvector->list v #!optional (start 0)) (vector->list v start))

(define (string-empty? str) (= (string-length str) 0))
(define (string-prefix? prefix str)
  (let ((n (string-length prefix)))
    (and (<= n (string-length str)) (string=? prefix (substring str 0 n)))))
(define (string-suffix? suffix str)
  (let ((n (string-length suffix)) (m (string-length str)))
    (and (<= n m) (string=? suffix (substring str (- m n) m)))))
(define (string-index str char #!optional (start 0))
  (let loop ((i start))
    (cond ((>= i (string-length str)) #f)
          ((char=? (string-ref str i) char) i)
          (else (loop (+ i 1))))))
(define (string-rindex str char #!optional (start #f))
  (let loop ((i (if start start (- (string-length str) 1))))
    (cond ((< i 0) #f)
          ((char=? (string-ref str i) char) i)
          (else (loop (- i 1))))))
(define (string-split str char)
  (let loop ((i 0) (from 0) (out '()))
    (cond ((= i (string-length str)) (reverse (cons (substring str from i) out)))
          ((char=? (string-ref str i) char) (loop (+ i 1) (+ i 1) (cons (substring str from i) out)))
          (else (loop (+ i 1) from out)))))
(define (string-join strs char)
  (let ((sep (if (char? char) (string char) char)))
    (if (null? strs)
        ""
        (let loop ((l (cdr strs)) (out (car strs)))
          (if (null? l) out (loop (cdr l) (string-append out sep (car l))))))))

;;; More of Gerbil's runtime bindings (doc/reference/gerbil/prelude/runtime-bindings.md,
;;; "GerbilRuntime"), each as its page says: numerics.md (fx1+, fx1-, fxshift, fx/,
;;; nonnegative-fixnum?, and the fixnum sign tests the bindings list names), symbols.md
;;; (interned-symbol?, interned-keyword?, symbol->keyword, keyword->symbol), control-flow.md
;;; (call-with-parameters); max-char-code is the largest code point, Gambit's ##max-char.

(define max-char-code 1114111)
(define (fx1+ x) (fx+ x 1))
(define (fx1- x) (fx- x 1))
(define (fxshift x n) (fxarithmetic-shift x n))
(define (fx/ x y) (fxquotient x y))
(define (nonnegative-fixnum? obj) (and (fixnum? obj) (fx>= obj 0)))
;; The sign tests are predicates, as Gerbil's own tests use them: #f for what is no fixnum.
(define (fx>=0? x) (and (fixnum? x) (fx>= x 0)))
(define (fx>0? x) (and (fixnum? x) (fx> x 0)))
(define (fx=0? x) (and (fixnum? x) (fx= x 0)))
(define (fx<0? x) (and (fixnum? x) (fx< x 0)))
(define (fx<=0? x) (and (fixnum? x) (fx<= x 0)))
(define (interned-symbol? obj) (and (symbol? obj) (not (uninterned-symbol? obj))))
(define (interned-keyword? obj) (and (keyword? obj) (not (uninterned-keyword? obj))))
(define (symbol->keyword sym) (string->keyword (symbol->string sym)))
(define (keyword->symbol kw) (string->symbol (keyword->string kw)))

;; (call-with-parameters thunk param value ...): thunk with each param bound to its value.
(define (call-with-parameters thunk . parameterization)
  (if (null? parameterization)
      (thunk)
      (parameterize (((car parameterization) (cadr parameterization)))
        (apply call-with-parameters thunk (cddr parameterization)))))

;;; macros.md "Runtime Aliases": the -ref-set! names make (set! (vector-ref v i) x) work, as
;;; Gerbil's set! calls the accessor's name with -set! appended (the other homogeneous vectors
;;; are not in Safepoint yet, so neither are their aliases).
(define string-ref-set! string-set!)
(define vector-ref-set! vector-set!)
(define u8vector-ref-set! u8vector-set!)
(define call/values call-with-values)
(define call/parameters call-with-parameters)
