;;; :std/text/csv -- CSV parser and unparser (doc/reference/std/text/csv.md in the Gerbil
;;; repository): read-csv-line, read-csv-lines, read-csv-file, write-csv-line, write-csv-lines
;;; and write-csv-file under the syntax parameters csv-separator, csv-quote,
;;; csv-unquoted-quotequote?, csv-loose-quote?, csv-eol, csv-line-endings, csv-skip-whitespace?
;;; and csv-allow-binary?, which call-with-creativyst-csv-syntax (the defaults),
;;; call-with-rfc4180-csv-syntax and call-with-strict-rfc4180-csv-syntax set together.
;;;
;;; Choices where the page is loose: csv-eol is the string written after each line (the page's
;;; write-csv-file example shows "\n"; a list means its first element); csv-line-endings lists
;;; the accepted endings among +cr+, +lf+ and +crlf+; read-csv-line gives #!eof at the end of input.
;;; File settings: only append: #t is understood (Safepoint's ports take a plain path).

(import :std/misc/string)
(export read-csv-line read-csv-lines read-csv-file write-csv-line write-csv-lines write-csv-file
        call-with-creativyst-csv-syntax call-with-rfc4180-csv-syntax call-with-strict-rfc4180-csv-syntax
        csv-separator csv-quote csv-unquoted-quotequote? csv-loose-quote? csv-eol csv-line-endings
        csv-skip-whitespace? csv-allow-binary?)

(def csv-separator (make-parameter #\,))
(def csv-quote (make-parameter #\"))
(def csv-unquoted-quotequote? (make-parameter #f))
(def csv-loose-quote? (make-parameter #f))
(def csv-eol (make-parameter +lf+))
(def csv-line-endings (make-parameter [+cr+ +lf+ +crlf+]))
(def csv-skip-whitespace? (make-parameter #t))
(def csv-allow-binary? (make-parameter #t))

(def (call-with-creativyst-csv-syntax thunk)
  (parameterize ((csv-separator #\,) (csv-quote #\") (csv-unquoted-quotequote? #f) (csv-loose-quote? #f)
                 (csv-eol +lf+) (csv-line-endings [+cr+ +lf+ +crlf+]) (csv-skip-whitespace? #t)
                 (csv-allow-binary? #t))
    (thunk)))

(def (call-with-rfc4180-csv-syntax thunk)
  (parameterize ((csv-separator #\,) (csv-quote #\") (csv-unquoted-quotequote? #f) (csv-loose-quote? #f)
                 (csv-eol +crlf+) (csv-line-endings [+crlf+ +lf+]) (csv-skip-whitespace? #f)
                 (csv-allow-binary? #t))
    (thunk)))

(def (call-with-strict-rfc4180-csv-syntax thunk)
  (parameterize ((csv-separator #\,) (csv-quote #\") (csv-unquoted-quotequote? #f) (csv-loose-quote? #f)
                 (csv-eol +crlf+) (csv-line-endings [+crlf+]) (csv-skip-whitespace? #f)
                 (csv-allow-binary? #f))
    (thunk)))

;; ---- reading ---------------------------------------------------------------------------------

(def (%csv-error what . irritants) (apply error (string-append "read-csv: " what) irritants))

(def (%space? c) (memv c '(#\space #\tab)))

;; At CR or LF: consume one line ending if it is an accepted one.
(def (%read-eol port)
  (let ((c (read-char port)) (ok (csv-line-endings)))
    (if (eqv? c #\return)
      (cond ((and (eqv? (peek-char port) #\newline) (member +crlf+ ok)) (read-char port))
            ((member +cr+ ok) (void))
            (else (%csv-error "line ending not accepted" "\r")))
      (unless (member +lf+ ok) (%csv-error "line ending not accepted" "\n")))))

(def (%check-char c)
  (when (and (not (csv-allow-binary?)) (> (char->integer c) 127))
    (%csv-error "non-ASCII character" c)))

(def (%eol-char? c) (memv c '(#\return #\newline)))

;; One line's fields, or #!eof if the port is at its end.
(def (read-csv-line port)
  (if (eof-object? (peek-char port))
    (peek-char port)
    (let loop ((fields []))
      (let-values (((field end) (%read-field port)))
        (let (fields (cons field fields))
          (cond ((eqv? end (csv-separator)) (read-char port) (loop fields))
                ((eof-object? end) (reverse fields))
                (else (%read-eol port) (reverse fields))))))))

;; A field and the character after it (a separator, CR, LF or #!eof), left unread.
(def (%read-field port)
  (when (csv-skip-whitespace?)
    (let skip () (when (%space? (peek-char port)) (read-char port) (skip))))
  (if (eqv? (peek-char port) (csv-quote))
    (begin (read-char port) (%read-quoted port))
    (%read-unquoted port)))

(def (%field-end? c) (or (eof-object? c) (eqv? c (csv-separator)) (%eol-char? c)))

(def (%read-unquoted port)
  (let ((out (open-output-string)) (q (csv-quote)))
    (let loop ()
      (let (c (peek-char port))
        (cond ((%field-end? c)
               (let (s (get-output-string out))
                 (values (if (csv-skip-whitespace?) (%trim-right s) s) c)))
              ((eqv? c q)
               (read-char port)
               (cond ((and (csv-unquoted-quotequote?) (eqv? (peek-char port) q))
                      (read-char port) (write-char q out) (loop))
                     ((csv-loose-quote?) (write-char q out) (loop))
                     (else (%csv-error "quote in an unquoted field"))))
              (else (%check-char c) (write-char (read-char port) out) (loop)))))))

;; After the opening quote: up to the closing one, a doubled quote standing for one.
(def (%read-quoted port)
  (let ((out (open-output-string)) (q (csv-quote)))
    (let loop ()
      (let (c (read-char port))
        (cond ((eof-object? c) (%csv-error "unterminated quoted field" (get-output-string out)))
              ((eqv? c q)
               (if (eqv? (peek-char port) q)
                 (begin (read-char port) (write-char q out) (loop))
                 (%after-quoted port out)))
              (else (%check-char c) (write-char c out) (loop)))))))

(def (%after-quoted port out)
  (when (csv-skip-whitespace?)
    (let skip () (when (%space? (peek-char port)) (read-char port) (skip))))
  (let (c (peek-char port))
    (cond ((%field-end? c) (values (get-output-string out) c))
          ((csv-loose-quote?)
           (let-values (((rest end) (%read-unquoted port)))
             (values (string-append (get-output-string out) rest) end)))
          (else (%csv-error "text after a closing quote" c)))))

(def (%trim-right s)
  (let loop ((n (string-length s)))
    (if (and (> n 0) (%space? (string-ref s (- n 1)))) (loop (- n 1)) (substring s 0 n))))

(def (read-csv-lines port)
  (let loop ((lines []))
    (let (line (read-csv-line port))
      (if (eof-object? line) (reverse lines) (loop (cons line lines))))))

(def (read-csv-file path . settings)
  (call-with-input-file path read-csv-lines))

;; ---- writing ---------------------------------------------------------------------------------

(def (%field->string x) (if (string? x) x (call-with-output-string (lambda (p) (display x p)))))

;; Quoted when it holds a separator, a quote or a line ending, or starts or ends with a space.
(def (%needs-quotes? s)
  (let ((n (string-length s)) (sep (csv-separator)) (q (csv-quote)))
    (and (> n 0)
         (or (%space? (string-ref s 0)) (%space? (string-ref s (- n 1)))
             (let loop ((i 0))
               (and (< i n)
                    (let (c (string-ref s i))
                      (or (eqv? c sep) (eqv? c q) (%eol-char? c) (loop (+ i 1))))))))))

(def (%write-field x port)
  (let ((s (%field->string x)) (q (csv-quote)))
    (if (%needs-quotes? s)
      (begin
        (write-char q port)
        (string-for-each (lambda (c) (when (eqv? c q) (write-char q port)) (write-char c port)) s)
        (write-char q port))
      (write-string s port))))

(def (%eol) (let (e (csv-eol)) (if (pair? e) (car e) e)))

(def (write-csv-line fields port)
  (let loop ((fs fields) (first #t))
    (when (pair? fs)
      (unless first (write-char (csv-separator) port))
      (%write-field (car fs) port)
      (loop (cdr fs) #f)))
  (write-string (%eol) port)
  (void))

(def (write-csv-lines lines port)
  (for-each (lambda (line) (write-csv-line line port)) lines))

;; append: #t keeps what the file holds (Safepoint's open-output-file always truncates).
(def (write-csv-file path lines . settings)
  (let* ((append? (let (tail (memq append: settings)) (and tail (pair? (cdr tail)) (cadr tail))))
         (old (if (and append? (file-exists? path)) (call-with-input-file path (lambda (p) (read-line p #f))) #f)))
    (call-with-output-file path
      (lambda (port)
        (when (string? old) (write-string old port))
        (write-csv-lines lines port)))))
