;;; :std/text/char-set -- character predicates by codepoint (doc/reference/std/text/char-set.md
;;; in the Gerbil repository): def-codepoint, the ASCII classes, the three notions of whitespace
;;; (strict, ASCII, Scheme's), digits in bases 2 to 36 both ways, and char-eol?.

(export def-codepoint
        codepoint-ascii? char-ascii? codepoint-ascii-uppercase? char-ascii-uppercase?
        codepoint-ascii-lowercase? char-ascii-lowercase? codepoint-ascii-alphabetic? char-ascii-alphabetic?
        codepoint-ascii-numeric? char-ascii-numeric? codepoint-ascii-alphanumeric? char-ascii-alphanumeric?
        codepoint-ascii-alphanumeric-or-underscore? char-ascii-alphanumeric-or-underscore?
        codepoint-ascii-printable? char-ascii-printable?
        codepoint-strict-whitespace? char-strict-whitespace? codepoint-ascii-whitespace? char-ascii-whitespace?
        codepoint-scheme-whitespace? char-scheme-whitespace?
        codepoint-ascii-printable-or-whitespace? char-ascii-printable-or-whitespace?
        codepoint-ascii-digit char-ascii-digit digit-char char-eol?)

;; (def-codepoint (name x y ...) body ...) defines codepoint-name on a fixnum and char-name on
;; anything (#f unless a character); the extra arguments, optional ones included, pass through.
(defsyntax (def-codepoint stx)
  (syntax-case stx ()
    ((_ (name x y ...) body ...)
     (let* ((base (symbol->string (syntax->datum (syntax name))))
            (id (lambda (prefix) (datum->syntax (syntax name) (string->symbol (string-append prefix base))))))
       (with-syntax ((cp (id "codepoint-")) (ch (id "char-")))
         (syntax (begin
                   (def (cp x y ...) body ...)
                   (def (ch x . more) (and (char? x) (apply cp (char->integer x) more))))))))))

(def-codepoint (ascii? c) (<= 0 c 127))
(def-codepoint (ascii-uppercase? c) (<= 65 c 90))
(def-codepoint (ascii-lowercase? c) (<= 97 c 122))
(def-codepoint (ascii-alphabetic? c) (or (<= 65 c 90) (<= 97 c 122)))
(def-codepoint (ascii-numeric? c) (<= 48 c 57))
(def-codepoint (ascii-alphanumeric? c) (or (codepoint-ascii-alphabetic? c) (codepoint-ascii-numeric? c)))
(def-codepoint (ascii-alphanumeric-or-underscore? c) (or (= c 95) (codepoint-ascii-alphanumeric? c)))
(def-codepoint (ascii-printable? c) (<= 32 c 126))
;; The page lists 11 as #\return; the four strict ones are space, tab, newline and return (13).
(def-codepoint (strict-whitespace? c) (or (= c 32) (= c 9) (= c 10) (= c 13)))
(def-codepoint (ascii-whitespace? c) (or (codepoint-strict-whitespace? c) (= c 11) (= c 12)))
(def-codepoint (scheme-whitespace? c)
  (or (codepoint-ascii-whitespace? c)
      (and (memv c '(#xA0 #x1680 #x202F #x205F #x3000 #x85 #x2028 #x2029)) #t)
      (<= #x2000 c #x200A)))
(def-codepoint (ascii-printable-or-whitespace? c) (or (codepoint-ascii-printable? c) (codepoint-ascii-whitespace? c)))

(def-codepoint (ascii-digit c (base 10))
  (let (d (cond ((<= 48 c 57) (- c 48))
                ((<= 97 c 122) (- c 87))
                ((<= 65 c 90) (- c 55))
                (else #f)))
    (and d (< d base) d)))

(def (digit-char n (base 10) (upper-case? #f))
  (and (exact-integer? n) (<= 0 n) (< n base)
       (integer->char (if (< n 10) (+ n 48) (+ n (if upper-case? 55 87))))))

(def (char-eol? x) (or (eof-object? x) (eqv? x #\newline) (eqv? x #\return)))
