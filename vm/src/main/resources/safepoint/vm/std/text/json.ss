;;; :std/text/json -- JSON (doc/reference/std/text/json.md in the Gerbil repository): read-json,
;;; write-json and the string, bytes and port conversions; the parameters
;;; read-json-key-as-symbol? (alias json-symbolic-keys), json-object-walist?,
;;; read-json-array-as-vector? and write-json-sort-keys? (alias json-sort-keys); the JSON class
;;; with trivial-class->json-object and json-object->trivial-class; and pretty-json.
;;;
;;; The mapping: objects are equal? hash-tables (or walists), arrays lists (or vectors), null is
;;; #!void, true and false are #t and #f; a number with a fraction or exponent is inexact.
;;; Writing also takes symbols and keywords (as strings), vectors, walists, and any object whose
;;; class has a :json method. Ports are the only sources and sinks (Safepoint has no buffered
;;; readers or writers).

(import :std/misc/walist :std/sort)
(export read-json write-json string->json-object json-object->string bytes->json-object
        json-object->bytes port->json-object
        read-json-key-as-symbol? json-symbolic-keys json-object-walist? read-json-array-as-vector?
        write-json-sort-keys? json-sort-keys
        trivial-class->json-object json-object->trivial-class JSON JSON::t JSON? pretty-json)

(def read-json-key-as-symbol? (make-parameter #f))
(def json-symbolic-keys read-json-key-as-symbol?)
(def json-object-walist? (make-parameter #f))
(def read-json-array-as-vector? (make-parameter #f))
(def write-json-sort-keys? (make-parameter #f))
(def json-sort-keys write-json-sort-keys?)

;; ---- reading ---------------------------------------------------------------------------------

(def (%json-error port what . irritants)
  (apply error (string-append "read-json: " what) irritants))

(def (%skip-whitespace port)
  (let (c (peek-char port))
    (when (and (char? c) (memv c '(#\space #\tab #\newline #\return)))
      (read-char port)
      (%skip-whitespace port))))

(def (%expect port c)
  (let (got (read-char port))
    (unless (eqv? got c) (%json-error port (string-append "expected " (string c)) got))))

;; One value, or the end-of-file object if the input holds only whitespace.
(def (read-json (port (current-input-port)))
  (%skip-whitespace port)
  (if (eof-object? (peek-char port)) (peek-char port) (%read-value port)))

(def (%read-value port)
  (%skip-whitespace port)
  (let (c (peek-char port))
    (cond ((eof-object? c) (%json-error port "premature end of input"))
          ((eqv? c #\{) (read-char port) (%read-object port))
          ((eqv? c #\[) (read-char port) (%read-array port))
          ((eqv? c #\") (read-char port) (%read-string port))
          ((eqv? c #\t) (%read-literal port "true" #t))
          ((eqv? c #\f) (%read-literal port "false" #f))
          ((eqv? c #\n) (%read-literal port "null" (void)))
          ((or (eqv? c #\-) (char-numeric? c)) (%read-number port))
          (else (%json-error port "unexpected character" c)))))

(def (%read-literal port word value)
  (string-for-each (lambda (c) (%expect port c)) word)
  value)

;; Items separated by commas up to CLOSE; READ-ITEM reads one.
(def (%read-items port close read-item)
  (%skip-whitespace port)
  (if (eqv? (peek-char port) close)
    (begin (read-char port) '())
    (let loop ((acc (list (read-item))))
      (%skip-whitespace port)
      (let (c (read-char port))
        (cond ((eqv? c #\,) (loop (cons (read-item) acc)))
              ((eqv? c close) (reverse acc))
              ((eof-object? c) (%json-error port "premature end of input"))
              (else (%json-error port (string-append "expected , or " (string close)) c)))))))

(def (%read-array port)
  (let (items (%read-items port #\] (lambda () (%read-value port))))
    (if (read-json-array-as-vector?) (list->vector items) items)))

(def (%read-object port)
  (let* ((symbols? (read-json-key-as-symbol?))
         (entries (%read-items port #\}
                               (lambda ()
                                 (%skip-whitespace port)
                                 (%expect port #\")
                                 (let (key (%read-string port))
                                   (%skip-whitespace port)
                                   (%expect port #\:)
                                   (cons (if symbols? (string->symbol key) key) (%read-value port)))))))
    (if (json-object-walist?)
      ((if symbols? make-walistq make-walist) entries)
      (let (h (if symbols? (make-hash-table-eq) (make-hash-table)))
        (for-each (lambda (kv) (hash-put! h (car kv) (cdr kv))) entries)
        h))))

(def (%read-hex4 port)
  (let loop ((i 0) (n 0))
    (if (= i 4)
      n
      (let* ((c (read-char port)) (d (and (char? c) (string->number (string c) 16))))
        (unless d (%json-error port "bad \\u escape" c))
        (loop (+ i 1) (+ (* n 16) d))))))

;; After the opening quote; a surrogate pair in \u escapes is one character.
(def (%read-string port)
  (let (out (open-output-string))
    (let loop ()
      (let (c (read-char port))
        (cond ((eof-object? c) (%json-error port "unterminated string"))
              ((eqv? c #\") (get-output-string out))
              ((eqv? c #\\)
               (let (e (read-char port))
                 (case e
                   ((#\" #\\ #\/) (write-char e out))
                   ((#\b) (write-char #\backspace out))
                   ((#\f) (write-char #\page out))
                   ((#\n) (write-char #\newline out))
                   ((#\r) (write-char #\return out))
                   ((#\t) (write-char #\tab out))
                   ((#\u) (write-char (integer->char (%read-code-point port)) out))
                   (else (%json-error port "bad escape" e))))
               (loop))
              (else (write-char c out) (loop)))))))

(def (%read-code-point port)
  (let (hi (%read-hex4 port))
    (if (and (<= #xD800 hi #xDBFF) (eqv? (peek-char port) #\\))
      (begin (read-char port) (%expect port #\u)
             (let (lo (%read-hex4 port))
               (if (<= #xDC00 lo #xDFFF)
                 (+ #x10000 (* (- hi #xD800) #x400) (- lo #xDC00))
                 (%json-error port "bad surrogate pair" hi lo))))
      (if (<= #xD800 hi #xDFFF) #xFFFD hi))))

(def (%number-char? c) (and (char? c) (or (char-numeric? c) (memv c '(#\- #\+ #\. #\e #\E)))))

(def (%read-number port)
  (let (out (open-output-string))
    (let loop ()
      (when (%number-char? (peek-char port)) (write-char (read-char port) out) (loop)))
    (let* ((text (get-output-string out))
           (n (and (%json-number-syntax? text) (string->number text))))
      (unless n (%json-error port "bad number" text))
      (if (exact? n) (if (%has-fraction? text) (exact->inexact n) n) n))))

(def (%has-fraction? text) (ormap (lambda (c) (memv c '(#\. #\e #\E))) (string->list text)))

;; JSON's grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
(def (%json-number-syntax? s)
  (let ((n (string-length s)))
    (def (digits i) (let loop ((j i)) (if (and (< j n) (char-numeric? (string-ref s j))) (loop (+ j 1)) j)))
    (let* ((i (if (and (< 0 n) (eqv? (string-ref s 0) #\-)) 1 0))
           (j (cond ((>= i n) #f)
                    ((eqv? (string-ref s i) #\0) (+ i 1))
                    ((char-numeric? (string-ref s i)) (digits i))
                    (else #f)))
           (j (and j (if (and (< j n) (eqv? (string-ref s j) #\.))
                       (let (k (digits (+ j 1))) (and (> k (+ j 1)) k))
                       j)))
           (j (and j (if (and (< j n) (memv (string-ref s j) '(#\e #\E)))
                       (let* ((k (+ j 1)) (k (if (and (< k n) (memv (string-ref s k) '(#\+ #\-))) (+ k 1) k)) (m (digits k)))
                         (and (> m k) m))
                       j))))
      (eqv? j n))))

(def (port->json-object port) (read-json port))

(def (string->json-object str)
  (let* ((port (open-input-string str)) (v (read-json port)))
    (%skip-whitespace port)
    (unless (eof-object? (peek-char port)) (%json-error port "trailing characters after the value" str))
    v))

(def (bytes->json-object bytes) (string->json-object (utf8->string bytes)))

;; ---- writing ---------------------------------------------------------------------------------

(defclass JSON ())

(def (%json-method obj)
  (let (t (object-type obj)) (and t (find-method t ':json))))

(def (trivial-class->json-object obj)
  (let ((h (make-hash-table)) (t (object-type obj)))
    (unless t (error "trivial-class->json-object: not an object" obj))
    (for-each (lambda (slot) (hash-put! h (symbol->string slot) (##slot-ref obj slot)))
              (class-type-slot-list t))
    h))

(def (json-object->trivial-class klass json)
  (let (obj (make-instance klass))
    (for-each (lambda (slot)
                (let (v (hash-ref json (symbol->string slot) (hash-ref json slot %absent)))
                  (unless (eq? v %absent) (##slot-set! obj slot v))))
              (class-type-slot-list klass))
    obj))

(def %absent (list 'absent))

;; Every JSON object's entries as (key-string . value), in the order they are to be written.
(def (%entries obj)
  (let (kvs (if (walist? obj)
              (walist->alist obj)
              (hash->list obj)))
    (let (kvs (map (lambda (kv) (cons (%key->string (car kv)) (cdr kv))) kvs))
      (if (and (not (walist? obj)) (write-json-sort-keys?))
        (sort kvs (lambda (a b) (string<? (car a) (car b))))
        kvs))))

(def (%key->string k)
  (cond ((string? k) k)
        ((symbol? k) (symbol->string k))
        ((keyword? k) (keyword->string k))
        ((number? k) (number->string k))
        (else (error "write-json: bad object key" k))))

;; What OBJ is written as: itself if it is JSON data, else its :json method's value.
(def (%jsonable obj)
  (cond ((or (boolean? obj) (number? obj) (string? obj) (symbol? obj) (keyword? obj) (null? obj)
             (pair? obj) (vector? obj) (hash-table? obj) (walist? obj) (eq? obj (void)))
         obj)
        ((%json-method obj) => (lambda (m) (m obj)))
        ((JSON? obj) (trivial-class->json-object obj))
        (else (error "write-json: not a JSON object" obj))))

(def (%write-string s port)
  (write-char #\" port)
  (string-for-each
   (lambda (c)
     (case c
       ((#\") (write-string "\\\"" port))
       ((#\\) (write-string "\\\\" port))
       ((#\newline) (write-string "\\n" port))
       ((#\return) (write-string "\\r" port))
       ((#\tab) (write-string "\\t" port))
       ((#\backspace) (write-string "\\b" port))
       ((#\page) (write-string "\\f" port))
       (else
        (if (< (char->integer c) 32)
          (begin (write-string "\\u00" port)
                 (write-string (string-pad-hex (char->integer c)) port))
          (write-char c port)))))
   s)
  (write-char #\" port))

(def (string-pad-hex n)
  (let (s (number->string n 16)) (if (< n 16) (string-append "0" s) s)))

;; Gambit writes .5 and 1. where JSON wants 0.5 and 1.0.
(def (%write-number n port)
  (cond ((exact-integer? n) (write-string (number->string n) port))
        ((and (real? n) (not (nan? n)) (not (infinite? n)))
         (let* ((s (number->string (exact->inexact n)))
                (s (cond ((string-prefix? "." s) (string-append "0" s))
                         ((string-prefix? "-." s) (string-append "-0" (substring s 1 (string-length s))))
                         (else s)))
                (s (if (string-suffix? "." s) (string-append s "0") s)))
           (write-string (%fix-exponent s) port)))
        (else (error "write-json: number not representable in JSON" n))))

;; "1.e21" (no digit after the point) is not JSON.
(def (%fix-exponent s)
  (let loop ((i 0))
    (cond ((>= (+ i 1) (string-length s)) s)
          ((and (eqv? (string-ref s i) #\.) (eqv? (string-ref s (+ i 1)) #\e))
           (string-append (substring s 0 (+ i 1)) "0" (substring s (+ i 1) (string-length s))))
          (else (loop (+ i 1))))))

;; LAYOUT is #f for compact output, or a procedure (port depth) writing the break before an entry.
(def (%write obj port layout depth)
  (let (obj (%jsonable obj))
    (cond ((eq? obj #t) (write-string "true" port))
          ((eq? obj #f) (write-string "false" port))
          ((eq? obj (void)) (write-string "null" port))
          ((number? obj) (%write-number obj port))
          ((string? obj) (%write-string obj port))
          ((symbol? obj) (%write-string (symbol->string obj) port))
          ((keyword? obj) (%write-string (keyword->string obj) port))
          ((or (null? obj) (pair? obj) (vector? obj))
           (%write-seq "[" "]" (if (vector? obj) (vector->list obj) obj) port layout depth
                       (lambda (x) (%write x port layout (+ depth 1)))))
          (else
           (%write-seq "{" "}" (%entries obj) port layout depth
                       (lambda (kv)
                         (%write-string (car kv) port)
                         (write-string (if layout ": " ":") port)
                         (%write (cdr kv) port layout (+ depth 1))))))))

(def (%write-seq open close items port layout depth write-item)
  (write-string open port)
  (let loop ((items items) (first #t))
    (when (pair? items)
      (unless first (write-char #\, port))
      (when layout (layout port (+ depth 1) first #f))
      (write-item (car items))
      (loop (cdr items) #f)))
  (when (and layout (pair? items)) (layout port depth #f #t))
  (write-string close port))

(def (write-json obj (port (current-output-port)))
  (%write obj port #f 0)
  (void))

(def (json-object->string obj)
  (call-with-output-string (lambda (port) (write-json obj port))))

(def (json-object->bytes obj) (string->utf8 (json-object->string obj)))

;; Regular style: every entry and every closing bracket on its own line. Lisp style: the first
;; entry on the bracket's line, the closing bracket on the last entry's.
(def (pretty-json obj (output #f) indent: (indent 2) sort-keys?: (sort-keys? (write-json-sort-keys?))
                  lisp-style?: (lisp-style? #f))
  (unless (and (exact-integer? indent) (positive? indent)) (error "pretty-json: indent must be a positive integer" indent))
  (let (layout (lambda (port depth first? closing?)
                 (unless (and lisp-style? (or first? closing?))
                   (newline port)
                   (write-string (make-string (* indent depth) #\space) port))))
    (def (go port) (parameterize ((write-json-sort-keys? sort-keys?)) (%write obj port layout 0)))
    (if output
      (go output)
      (call-with-output-string go))))
