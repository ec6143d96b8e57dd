;;; :std/format -- format, printf, fprintf, eprintf (cons.io reference/std/format).
;;; SRFI-48 style directives, case-insensitive: ~a display, ~s write, ~c char, ~d ~x ~o ~b
;;; radix, ~u char code in hex, ~f fixed-point float (~w,df), ~r repr, ~y pretty print,
;;; ~% ~n newline, ~t tab, ~_ space, ~~ tilde, ~? ~k recursive format; ~w<directive> pads
;;; the directive's output on the left to width w.

(import :std/misc/repr)
(export format printf fprintf eprintf)

(def (format fmt . args)
  (unless (string? fmt) (error "Expected format string" fmt))
  (call-with-output-string (lambda (port) (%format port fmt args))))

(def (fprintf port fmt . args)
  (unless (output-port? port) (error "Expected output port" port))
  (unless (string? fmt) (error "Expected format string" fmt))
  (%format port fmt args))

(def (printf fmt . args) (apply fprintf (current-output-port) fmt args))
(def (eprintf fmt . args) (apply fprintf (current-error-port) fmt args))

(def (%format port fmt args)
  (def len (string-length fmt))
  (def (next-arg rest)
    (if (pair? rest) (car rest) (error "Missing format argument" fmt args)))
  ;; Runs the directive c at index i (just after it); returns the remaining arguments.
  (def (directive c rest out)
    (case (char-downcase c)
      ((#\a) (display (next-arg rest) out) (cdr rest))
      ((#\s) (write (next-arg rest) out) (cdr rest))
      ((#\c) (write-char (next-arg rest) out) (cdr rest))
      ((#\d) (display (%radix (next-arg rest) 10) out) (cdr rest))
      ((#\x) (display (%radix (next-arg rest) 16) out) (cdr rest))
      ((#\o) (display (%radix (next-arg rest) 8) out) (cdr rest))
      ((#\b) (display (%radix (next-arg rest) 2) out) (cdr rest))
      ((#\u) (display (%char-hex (next-arg rest)) out) (cdr rest))
      ((#\r) (print-representation (next-arg rest) out) (cdr rest))
      ((#\y) (write (next-arg rest) out) (newline out) (cdr rest))
      ((#\% #\n) (newline out) rest)
      ((#\~) (write-char #\~ out) rest)
      ((#\t) (write-char #\tab out) rest)
      ((#\_) (write-char #\space out) rest)
      ((#\? #\k)
       (let* ((sub (next-arg rest)) (rest (cdr rest)) (sub-args (next-arg rest)))
         (display (apply format sub sub-args) out)
         (cdr rest)))
      (else (error "Unknown format specifier" fmt c))))
  (let loop ((i 0) (rest args))
    (if (< i len)
      (let ((c (string-ref fmt i)))
        (cond
         ((not (char=? c #\~)) (write-char c port) (loop (+ i 1) rest))
         ((= (+ i 1) len) (error "Bad format string" fmt))
         (else
          (let ((d (string-ref fmt (+ i 1))))
            (cond
             ((memv (char-downcase d) '(#\f))
              (display (%fixed (next-arg rest) #f) port)
              (loop (+ i 2) (cdr rest)))
             ((char-numeric? d)
              ;; ~width[,digits]directive
              (let* ((w-end (%digits-end fmt (+ i 1) len))
                     (width (string->number (substring fmt (+ i 1) w-end))))
                (if (and (< w-end len) (char=? (string-ref fmt w-end) #\,))
                  (let ((d-end (%digits-end fmt (+ w-end 1) len)))
                    (unless (and (< d-end len) (> d-end (+ w-end 1))
                                 (char-ci=? (string-ref fmt d-end) #\f))
                      (error "Bad format string; malformed fixed width specifier" fmt args))
                    (display (%pad (%fixed (next-arg rest) (string->number (substring fmt (+ w-end 1) d-end))) width) port)
                    (loop (+ d-end 1) (cdr rest)))
                  (begin
                    (unless (< w-end len)
                      (error "Bad format string; malformed fixed width specifier" fmt args))
                    (let ((dc (string-ref fmt w-end)))
                      (if (char-ci=? dc #\f)
                        (begin (display (%pad (%fixed (next-arg rest) #f) width) port)
                               (loop (+ w-end 1) (cdr rest)))
                        (let* ((out (open-output-string))
                               (rest (directive dc rest out)))
                          (display (%pad (get-output-string out) width) port)
                          (loop (+ w-end 1) rest))))))))
             (else (loop (+ i 2) (directive d rest port))))))))
      (unless (null? rest)
        (error "Too many arguments for format string" fmt args)))))

(def (%digits-end s i len)
  (if (and (< i len) (char-numeric? (string-ref s i))) (%digits-end s (+ i 1) len) i))

(def (%radix n radix)
  (if (number? n) (number->string n radix) n))

(def (%char-hex c)
  (let ((h (number->string (char->integer c) 16)))
    (if (< (string-length h) 4) (string-append (make-string (- 4 (string-length h)) #\0) h) h)))

(def (%pad str width)
  (let ((n (string-length str)))
    (if (< n width) (string-append (make-string (- width n) #\space) str) str)))

;; C-style %f: no exponent; with digits, rounded to that many places.
(def (%fixed x digits)
  (cond
   ((not (real? x)) (error "Bad argument for float format; expected number" x))
   ((and (inexact? x) (or (nan? x) (infinite? x))) (number->string x))
   (digits
    (let* ((shift (expt 10 digits))
           (num (round (* (exact x) shift)))
           (int (number->string (quotient (abs num) shift)))
           (frac (number->string (remainder (abs num) shift)))
           (sign (if (negative? num) "-" "")))
      (if (= digits 0)
        (string-append sign int)
        (string-append sign int "."
                       (make-string (- digits (string-length frac)) #\0) frac))))
   (else (%pad-zeros (number->string (inexact x))))))

;; "340." -> "340.0", ".5" -> "0.5", "-.5" -> "-0.5"
(def (%pad-zeros s)
  (let ((n (string-length s)))
    (let find ((i 0))
      (cond ((= i n) s)
            ((not (char=? (string-ref s i) #\.)) (find (+ i 1)))
            (else
             (let* ((s (if (= (+ i 1) n) (string-append s "0") s)))
               (cond ((= i 0) (string-append "0" s))
                     ((and (= i 1) (char=? (string-ref s 0) #\-))
                      (string-append "-0" (substring s 1 (string-length s))))
                     (else s))))))))
