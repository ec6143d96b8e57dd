;;; :std/misc/string -- string utilities (cons.io reference/std/misc/string).

(import :std/format (only-in :std/error raise-bad-argument))
(export string-trim-prefix string-trim-suffix string-trim-eol
        string-split-prefix string-split-suffix string-split-eol
        string-subst string-whitespace? random-string str str-format
        string-substitute-char string-substitute-char-if as-string as-string<?
        +cr+ +lf+ +crlf+)

(def +cr+ "\r")
(def +lf+ "\n")
(def +crlf+ "\r\n")

(def (%prefix? pfix str)
  (let ((n (string-length pfix)))
    (and (<= n (string-length str)) (string=? pfix (substring str 0 n)))))

(def (%suffix? sfix str)
  (let ((n (string-length sfix)) (len (string-length str)))
    (and (<= n len) (string=? sfix (substring str (- len n) len)))))

(def (string-split-prefix pfix str)
  (if (%prefix? pfix str)
    (values (substring str (string-length pfix) (string-length str)) pfix)
    (values str "")))

(def (string-split-suffix sfix str)
  (if (%suffix? sfix str)
    (values (substring str 0 (- (string-length str) (string-length sfix))) sfix)
    (values str "")))

(def (string-trim-prefix pfix str)
  (if (%prefix? pfix str) (substring str (string-length pfix) (string-length str)) str))

(def (string-trim-suffix sfix str)
  (if (%suffix? sfix str) (substring str 0 (- (string-length str) (string-length sfix))) str))

;; One end-of-line marker: CRLF, CR or LF.
(def (string-split-eol str)
  (cond ((%suffix? +crlf+ str) (string-split-suffix +crlf+ str))
        ((%suffix? +lf+ str) (string-split-suffix +lf+ str))
        ((%suffix? +cr+ str) (string-split-suffix +cr+ str))
        (else (values str ""))))

(def (string-trim-eol str)
  (let-values (((rest eol) (string-split-eol str))) rest))

;; A count that is neither #f nor a fixnum is a contract violation (the page: "an error is
;; signaled"). An empty old matches before each character and at the end.
(def (string-subst str old new count: (count #f))
  (unless (or (not count) (fixnum? count))
    (raise-bad-argument 'string-subst "a fixnum or #f" count))
  (let ((n (string-length str)) (k (string-length old)))
    (if (and count (<= count 0))
      (string-copy str)
      (let ((out (open-output-string)))
        (let loop ((i 0) (left count))
          (cond ((and (or (not left) (> left 0))
                      (<= (+ i k) n)
                      (string=? old (substring str i (+ i k))))
                 (write-string new out)
                 (when (and (= k 0) (< i n)) (write-char (string-ref str i) out))
                 (if (and (= k 0) (= i n))
                   (get-output-string out)
                   (loop (+ i (max k 1)) (and left (- left 1)))))
                ((< i n)
                 (write-char (string-ref str i) out)
                 (loop (+ i 1) left))
                (else (get-output-string out))))))))

(def (string-whitespace? str)
  (let loop ((i 0))
    (or (= i (string-length str))
        (and (memv (string-ref str i) '(#\space #\newline #\tab #\return #\page #\vtab))
             (loop (+ i 1))))))

(def %word-chars "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")

(def (random-string (len 10))
  (unless (fixnum? len) (error "random-string: expected fixnum" len))
  (let ((s (make-string (max len 0)))) ; a negative length is an empty string, as Gerbil's tests want
    (let loop ((i 0))
      (when (< i len)
        (string-set! s i (string-ref %word-chars (random-integer (string-length %word-chars))))
        (loop (+ i 1))))
    s))

;; "~f" for inexact numbers, "~r" for lists and vectors, "~a" otherwise.
(def (str-format v)
  (cond ((and (number? v) (inexact? v)) "~f")
        ((or (list? v) (vector? v)) "~r")
        (else "~a")))

(def (str . xs)
  (let ((out (open-output-string)))
    (for-each (lambda (v)
                (if (string? v) (write-string v out) (fprintf out (str-format v) v)))
              xs)
    (get-output-string out)))

;; (string-substitute-char-if string newchar pred start: end: from-end: count: in-place:): the
;; characters of [start, end) that pred accepts become newchar, at most count of them, counted
;; from the end with from-end:; a copy unless in-place: (doc: "string-substitute-char-if").
(def (string-substitute-char-if string newchar predicate
                                start: (start #f) end: (end #f) from-end: (from-end #f)
                                count: (count #f) in-place: (in-place #f))
  (let* ((out (if in-place string (string-copy string)))
         (lo (or start 0))
         (hi (or end (string-length string))))
    (let loop ((i (if from-end (- hi 1) lo)) (left count))
      (when (and (if from-end (>= i lo) (< i hi)) (or (not left) (> left 0)))
        (if (predicate (string-ref out i))
          (begin (string-set! out i newchar) (loop (if from-end (- i 1) (+ i 1)) (and left (- left 1))))
          (loop (if from-end (- i 1) (+ i 1)) left))))
    out))

;; (string-substitute-char string newchar oldchar test: test-not: key: ...): a character c
;; matches when (test oldchar (key c)); test defaults to equal?, or the negation of test-not
;; (doc: "string-substitute-char").
(def (string-substitute-char string newchar oldchar
                             test: (test #f) test-not: (test-not #f) key: (key #f)
                             start: (start #f) end: (end #f) from-end: (from-end #f)
                             count: (count #f) in-place: (in-place #f))
  (let ((same? (cond (test test) (test-not (lambda (x y) (not (test-not x y)))) (else equal?)))
        (get (or key (lambda (c) c))))
    (string-substitute-char-if string newchar (lambda (c) (same? oldchar (get c)))
                               start: start end: end from-end: from-end count: count in-place: in-place)))

;; A value as the text it stands for: strings as they are, symbols and keywords by name, a
;; character as itself, numbers in base 10, and lists and vectors as their elements' texts
;; one after another (so that as-string<? orders '(foo: 1 bar) before #(f #\o "o1" baz)).
(def (as-string . xs)
  (call-with-output-string (lambda (port) (for-each (lambda (x) (%as-string x port)) xs))))

(def (%as-string x port)
  (cond ((string? x) (display x port))
        ((symbol? x) (display (symbol->string x) port))
        ((keyword? x) (display (keyword->string x) port))
        ((char? x) (write-char x port))
        ((number? x) (display (number->string x) port))
        ((pair? x) (%as-string (car x) port) (%as-string (cdr x) port))
        ((null? x) (void))
        ((vector? x) (for-each (lambda (e) (%as-string e port)) (vector->list x)))
        (else (display x port))))

(def (as-string<? x y) (string<? (as-string x) (as-string y)))

