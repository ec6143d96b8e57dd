;;; :std/misc/string -- string utilities (cons.io reference/std/misc/string).

(import :std/format)
(export string-trim-prefix string-trim-suffix string-trim-eol
        string-split-prefix string-split-suffix string-split-eol
        string-subst string-whitespace? random-string str str-format
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

(def (string-subst str old new count: (count #f))
  (unless (or (not count) (fixnum? count))
    (error "string-subst: count must be a fixnum or #f" count))
  (let ((n (string-length str)) (k (string-length old)))
    (if (or (= k 0) (and count (<= count 0)))
      (string-copy str)
      (let ((out (open-output-string)))
        (let loop ((i 0) (left count))
          (cond ((and (or (not left) (> left 0))
                      (<= (+ i k) n)
                      (string=? old (substring str i (+ i k))))
                 (write-string new out)
                 (loop (+ i k) (and left (- left 1))))
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
  (let ((s (make-string len)))
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
