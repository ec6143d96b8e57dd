;;; :std/srfi/13 -- SRFI 13 string library (doc/reference/srfi/README.md in the Gerbil
;;; repository lists it; written from the SRFI text at srfi.schemers.org/srfi-13). Every
;;; procedure takes the optional [start end] of the SRFI. A "criterion" is a character or a
;;; predicate: Safepoint has no SRFI 14 char-sets (Gerbil's :std/text/char-set is codepoint
;;; predicates, which serve as criteria).
;;;
;;; Not provided: the KMP search internals (make-kmp-restart-vector, kmp-step,
;;; string-kmp-partial-search), and the low-level let-string-start+end macro.

(export string-null? string-every string-any string-tabulate reverse-list->string
        (rename-out (%string->list string->list) (%string-copy string-copy) (%string-join string-join)
                    (%string-index string-index) (%string-map string-map) (%string-for-each string-for-each)
                    (%string-upcase string-upcase) (%string-downcase string-downcase)
                    (%string-fill! string-fill!) (%string-prefix? string-prefix?) (%string-suffix? string-suffix?))
        substring/shared string-copy! string-take string-take-right string-drop string-drop-right
        string-pad string-pad-right string-trim string-trim-right string-trim-both
        string-compare string-compare-ci string= string<> string< string> string<= string>=
        string-ci= string-ci<> string-ci< string-ci> string-ci<= string-ci>= string-hash string-hash-ci
        string-prefix-length string-suffix-length string-prefix-length-ci string-suffix-length-ci
        string-prefix-ci? string-suffix-ci?
        string-index-right string-skip string-skip-right string-count string-contains string-contains-ci
        string-titlecase string-titlecase! string-upcase! string-downcase!
        string-reverse string-reverse! string-concatenate string-concatenate/shared string-append/shared
        string-concatenate-reverse string-concatenate-reverse/shared
        string-map! string-fold string-fold-right string-unfold string-unfold-right string-for-each-index
        xsubstring string-xcopy! string-replace string-tokenize string-filter string-delete
        string-parse-start+end string-parse-final-start+end check-substring-spec substring-spec-ok?)

;; ---- arguments -------------------------------------------------------------------------------

(def (substring-spec-ok? s start end)
  (and (string? s) (exact-integer? start) (exact-integer? end) (<= 0 start end (string-length s))))

(def (check-substring-spec who s start end)
  (unless (substring-spec-ok? s start end)
    (error (string-append (%name who) ": bad substring range") s start end)))

(def (%name who) (if (symbol? who) (symbol->string who) (call-with-output-string (lambda (p) (display who p)))))

;; (values rest start end) from ARGS = ([start [end]] . rest), as the SRFI's helper.
(def (string-parse-start+end who s args)
  (unless (string? s) (error (string-append (%name who) ": string expected") s))
  (let* ((len (string-length s))
         (start (if (and (pair? args) (car args)) (car args) 0))
         (args (if (pair? args) (cdr args) args))
         (end (if (and (pair? args) (car args)) (car args) len))
         (rest (if (pair? args) (cdr args) args)))
    (check-substring-spec who s start end)
    (values rest start end)))

(def (string-parse-final-start+end who s args)
  (let-values (((rest start end) (string-parse-start+end who s args)))
    (unless (null? rest) (error (string-append (%name who) ": too many arguments") rest))
    (values start end)))

(defrules %with-range ()
  ((_ who s args (start end) body ...)
   (let-values (((start end) (string-parse-final-start+end who s args))) body ...)))

(def (%criterion c)
  (cond ((char? c) (lambda (x) (char=? x c)))
        ((procedure? c) c)
        (else (error "SRFI 13: a character or predicate expected" c))))

;; ---- predicates, constructors, selection ------------------------------------------------------

(def (string-null? s) (zero? (string-length s)))

(def (string-every crit s . range)
  (%with-range 'string-every s range (start end)
    (let ((p (%criterion crit)))
      (let loop ((i start) (last #t))
        (if (= i end) last (let (r (p (string-ref s i))) (and r (loop (+ i 1) r))))))))

(def (string-any crit s . range)
  (%with-range 'string-any s range (start end)
    (let ((p (%criterion crit)))
      (let loop ((i start)) (and (< i end) (or (p (string-ref s i)) (loop (+ i 1))))))))

(def (string-tabulate proc len)
  (let (s (make-string len))
    (let loop ((i 0)) (when (< i len) (string-set! s i (proc i)) (loop (+ i 1))))
    s))

(def (reverse-list->string chars) (list->string (reverse chars)))
(def (%string->list s . range) (%with-range 'string->list s range (start end) (string->list (substring s start end))))
(def (%string-copy s . range) (%with-range 'string-copy s range (start end) (substring s start end)))
(def (substring/shared s start . end) (%string-copy s start (if (pair? end) (car end) (string-length s))))

(def (%string-join strings (delim " ") (grammar 'infix))
  (when (and (eq? grammar 'strict-infix) (null? strings)) (error "string-join: strict-infix needs a string"))
  (let (body (let loop ((l strings) (acc []))
               (if (null? l) (apply string-append (reverse acc))
                   (loop (cdr l) (if (null? acc) [(car l)] (cons* (car l) delim acc))))))
    (case grammar
      ((infix strict-infix) body)
      ((prefix) (if (null? strings) "" (string-append delim body)))
      ((suffix) (if (null? strings) "" (string-append body delim)))
      (else (error "string-join: bad grammar" grammar)))))

(def (string-take s n) (substring s 0 n))
(def (string-drop s n) (substring s n (string-length s)))
(def (string-take-right s n) (let (l (string-length s)) (substring s (- l n) l)))
(def (string-drop-right s n) (substring s 0 (- (string-length s) n)))

(def (string-pad s n (c #\space) . range)
  (%with-range 'string-pad s range (start end)
    (let (len (- end start))
      (if (>= len n) (substring s (- end n) end) (string-append (make-string (- n len) c) (substring s start end))))))

(def (string-pad-right s n (c #\space) . range)
  (%with-range 'string-pad-right s range (start end)
    (let (len (- end start))
      (if (>= len n) (substring s start (+ start n)) (string-append (substring s start end) (make-string (- n len) c))))))

(def (%skip-from s p i end step)
  (let loop ((i i)) (if (and (not (= i end)) (p (string-ref s (if (> step 0) i (- i 1))))) (loop (+ i step)) i)))

(def (string-trim s (crit char-whitespace?) . range)
  (%with-range 'string-trim s range (start end)
    (substring s (%skip-from s (%criterion crit) start end 1) end)))
(def (string-trim-right s (crit char-whitespace?) . range)
  (%with-range 'string-trim-right s range (start end)
    (substring s start (%skip-from s (%criterion crit) end start -1))))
(def (string-trim-both s (crit char-whitespace?) . range)
  (%with-range 'string-trim-both s range (start end)
    (let* ((p (%criterion crit)) (b (%skip-from s p start end 1)))
      (substring s b (%skip-from s p end b -1)))))

;; ---- comparison ------------------------------------------------------------------------------

;; The mismatch index of s1[start1,end1) and s2[start2,end2) under char=, and the order there.
(def (%compare s1 s2 range same? less?)
  (let*-values (((rest start1 end1) (string-parse-start+end 'string-compare s1 range))
                ((start2 end2) (string-parse-final-start+end 'string-compare s2 rest)))
    (let loop ((i start1) (j start2))
      (cond ((and (= i end1) (= j end2)) (values i 0))
            ((= i end1) (values i -1))
            ((= j end2) (values i 1))
            ((same? (string-ref s1 i) (string-ref s2 j)) (loop (+ i 1) (+ j 1)))
            ((less? (string-ref s1 i) (string-ref s2 j)) (values i -1))
            (else (values i 1))))))

(def (%compare-with same? less?)
  (lambda (s1 s2 lt eq gt . range)
    (let-values (((i order) (%compare s1 s2 range same? less?)))
      ((case order ((-1) lt) ((0) eq) (else gt)) i))))
(def string-compare (%compare-with char=? char<?))
(def string-compare-ci (%compare-with char-ci=? char-ci<?))

(def (%relation same? less? ok?)
  (lambda (s1 s2 . range) (let-values (((i order) (%compare s1 s2 range same? less?))) (ok? order))))
(def string= (%relation char=? char<? zero?))
(def string<> (%relation char=? char<? (lambda (o) (not (zero? o)))))
(def string< (%relation char=? char<? negative?))
(def string> (%relation char=? char<? positive?))
(def string<= (%relation char=? char<? (lambda (o) (<= o 0))))
(def string>= (%relation char=? char<? (lambda (o) (>= o 0))))
(def string-ci= (%relation char-ci=? char-ci<? zero?))
(def string-ci<> (%relation char-ci=? char-ci<? (lambda (o) (not (zero? o)))))
(def string-ci< (%relation char-ci=? char-ci<? negative?))
(def string-ci> (%relation char-ci=? char-ci<? positive?))
(def string-ci<= (%relation char-ci=? char-ci<? (lambda (o) (<= o 0))))
(def string-ci>= (%relation char-ci=? char-ci<? (lambda (o) (>= o 0))))

(def (string-hash s (bound 4194304) . range)
  (%with-range 'string-hash s range (start end) (modulo (equal-hash (substring s start end)) bound)))
(def (string-hash-ci s (bound 4194304) . range)
  (%with-range 'string-hash-ci s range (start end) (modulo (equal-hash (string-downcase (substring s start end))) bound)))

;; ---- prefixes and suffixes -------------------------------------------------------------------

(def (%prefix-length same? s1 s2 range)
  (let*-values (((rest start1 end1) (string-parse-start+end 'string-prefix-length s1 range))
                ((start2 end2) (string-parse-final-start+end 'string-prefix-length s2 rest)))
    (let loop ((k 0))
      (if (and (< (+ start1 k) end1) (< (+ start2 k) end2) (same? (string-ref s1 (+ start1 k)) (string-ref s2 (+ start2 k))))
        (loop (+ k 1)) k))))

(def (%suffix-length same? s1 s2 range)
  (let*-values (((rest start1 end1) (string-parse-start+end 'string-suffix-length s1 range))
                ((start2 end2) (string-parse-final-start+end 'string-suffix-length s2 rest)))
    (let loop ((k 0))
      (if (and (> (- end1 k) start1) (> (- end2 k) start2) (same? (string-ref s1 (- end1 k 1)) (string-ref s2 (- end2 k 1))))
        (loop (+ k 1)) k))))

(def (string-prefix-length s1 s2 . r) (%prefix-length char=? s1 s2 r))
(def (string-suffix-length s1 s2 . r) (%suffix-length char=? s1 s2 r))
(def (string-prefix-length-ci s1 s2 . r) (%prefix-length char-ci=? s1 s2 r))
(def (string-suffix-length-ci s1 s2 . r) (%suffix-length char-ci=? s1 s2 r))

;; s1's range is wholly a prefix (suffix) of s2's.
(def (%range-length s r) (let-values (((rest start end) (string-parse-start+end 'string-prefix? s r))) (- end start)))
(def (%string-prefix? s1 s2 . r) (= (%prefix-length char=? s1 s2 r) (%range-length s1 r)))
(def (%string-suffix? s1 s2 . r) (= (%suffix-length char=? s1 s2 r) (%range-length s1 r)))
(def (string-prefix-ci? s1 s2 . r) (= (%prefix-length char-ci=? s1 s2 r) (%range-length s1 r)))
(def (string-suffix-ci? s1 s2 . r) (= (%suffix-length char-ci=? s1 s2 r) (%range-length s1 r)))

;; ---- searching -------------------------------------------------------------------------------

(def (%find-index s p start end want)
  (let loop ((i start)) (cond ((= i end) #f) ((eq? want (and (p (string-ref s i)) #t)) i) (else (loop (+ i 1))))))
(def (%find-index-right s p start end want)
  (let loop ((i (- end 1))) (cond ((< i start) #f) ((eq? want (and (p (string-ref s i)) #t)) i) (else (loop (- i 1))))))

(def (%string-index s crit . r) (%with-range 'string-index s r (start end) (%find-index s (%criterion crit) start end #t)))
(def (string-index-right s crit . r) (%with-range 'string-index-right s r (start end) (%find-index-right s (%criterion crit) start end #t)))
(def (string-skip s crit . r) (%with-range 'string-skip s r (start end) (%find-index s (%criterion crit) start end #f)))
(def (string-skip-right s crit . r) (%with-range 'string-skip-right s r (start end) (%find-index-right s (%criterion crit) start end #f)))

(def (string-count s crit . r)
  (%with-range 'string-count s r (start end)
    (let ((p (%criterion crit)))
      (let loop ((i start) (n 0)) (if (= i end) n (loop (+ i 1) (if (p (string-ref s i)) (+ n 1) n)))))))

(def (%contains same? s1 s2 r)
  (let*-values (((rest start1 end1) (string-parse-start+end 'string-contains s1 r))
                ((start2 end2) (string-parse-final-start+end 'string-contains s2 rest)))
    (let ((n (- end2 start2)))
      (let loop ((i start1))
        (cond ((> (+ i n) end1) #f)
              ((let match ((k 0)) (or (= k n) (and (same? (string-ref s1 (+ i k)) (string-ref s2 (+ start2 k))) (match (+ k 1))))) i)
              (else (loop (+ i 1))))))))
(def (string-contains s1 s2 . r) (%contains char=? s1 s2 r))
(def (string-contains-ci s1 s2 . r) (%contains char-ci=? s1 s2 r))

;; ---- case, reverse, concatenation -----------------------------------------------------------

(def (%string-upcase s . r) (%with-range 'string-upcase s r (start end) (string-upcase (substring s start end))))
(def (%string-downcase s . r) (%with-range 'string-downcase s r (start end) (string-downcase (substring s start end))))

(def (%replace-range! s start new)
  (let loop ((i 0)) (when (< i (string-length new)) (string-set! s (+ start i) (string-ref new i)) (loop (+ i 1)))))
(def (string-upcase! s . r) (%with-range 'string-upcase! s r (start end) (%replace-range! s start (string-upcase (substring s start end)))))
(def (string-downcase! s . r) (%with-range 'string-downcase! s r (start end) (%replace-range! s start (string-downcase (substring s start end)))))

;; A word's first letter up, the rest down; a word is a run of alphabetic characters.
(def (%titlecase s)
  (let ((out (string-copy s)))
    (let loop ((i 0) (in-word #f))
      (when (< i (string-length out))
        (let (c (string-ref out i))
          (if (char-alphabetic? c)
            (begin (string-set! out i (if in-word (char-downcase c) (char-upcase c))) (loop (+ i 1) #t))
            (loop (+ i 1) #f)))))
    out))
(def (string-titlecase s . r) (%with-range 'string-titlecase s r (start end) (%titlecase (substring s start end))))
(def (string-titlecase! s . r) (%with-range 'string-titlecase! s r (start end) (%replace-range! s start (%titlecase (substring s start end)))))

(def (string-reverse s . r) (%with-range 'string-reverse s r (start end) (list->string (reverse (string->list (substring s start end))))))
(def (string-reverse! s . r) (%with-range 'string-reverse! s r (start end) (%replace-range! s start (string-reverse s start end))))

(def (string-concatenate strings) (apply string-append strings))
(def string-concatenate/shared string-concatenate)
(def (string-append/shared . strings) (string-concatenate strings))
(def (string-concatenate-reverse strings (final "") (end (string-length final)))
  (string-append (string-concatenate (reverse strings)) (substring final 0 end)))
(def string-concatenate-reverse/shared string-concatenate-reverse)

;; ---- mapping and folding ---------------------------------------------------------------------

;; (string-map proc s [start end]) per SRFI 13; with several strings, R7RS's string-map.
(def (%string-map proc s . r)
  (if (and (pair? r) (string? (car r)))
    (apply string-map proc s r)
    (%with-range 'string-map s r (start end) (string-tabulate (lambda (i) (proc (string-ref s (+ start i)))) (- end start)))))
(def (%string-for-each proc s . r)
  (if (and (pair? r) (string? (car r)))
    (apply string-for-each proc s r)
    (%with-range 'string-for-each s r (start end)
      (let loop ((i start)) (when (< i end) (proc (string-ref s i)) (loop (+ i 1)))))))
(def (string-for-each-index proc s . r)
  (%with-range 'string-for-each-index s r (start end) (let loop ((i start)) (when (< i end) (proc i) (loop (+ i 1))))))
(def (string-map! proc s . r)
  (%with-range 'string-map! s r (start end)
    (let loop ((i start)) (when (< i end) (string-set! s i (proc (string-ref s i))) (loop (+ i 1))))))

(def (string-fold kons knil s . r)
  (%with-range 'string-fold s r (start end)
    (let loop ((i start) (acc knil)) (if (= i end) acc (loop (+ i 1) (kons (string-ref s i) acc))))))
(def (string-fold-right kons knil s . r)
  (%with-range 'string-fold-right s r (start end)
    (let loop ((i (- end 1)) (acc knil)) (if (< i start) acc (loop (- i 1) (kons (string-ref s i) acc))))))

(def (string-unfold stop? mapper successor seed (base "") (make-final (lambda (x) "")))
  (let loop ((seed seed) (acc []))
    (if (stop? seed)
      (string-append base (list->string (reverse acc)) (make-final seed))
      (loop (successor seed) (cons (mapper seed) acc)))))
(def (string-unfold-right stop? mapper successor seed (base "") (make-final (lambda (x) "")))
  (let loop ((seed seed) (acc []))
    (if (stop? seed)
      (string-append (make-final seed) (list->string acc) base)
      (loop (successor seed) (cons (mapper seed) acc)))))

;; ---- replication, replacement, tokens, filtering --------------------------------------------

(def (xsubstring s from (to #f) . r)
  (%with-range 'xsubstring s r (start end)
    (let* ((len (- end start)) (to (or to (+ from len))))
      (cond ((= from to) "")
            ((zero? len) (error "xsubstring: empty source range" s))
            (else (string-tabulate (lambda (i) (string-ref s (+ start (modulo (+ from i) len)))) (- to from)))))))

(def (string-xcopy! target tstart s from (to #f) . r)
  (%replace-range! target tstart (apply xsubstring s from to r)))

(def (string-replace s1 s2 start1 end1 . r)
  (check-substring-spec 'string-replace s1 start1 end1)
  (%with-range 'string-replace s2 r (start2 end2)
    (string-append (substring s1 0 start1) (substring s2 start2 end2) (substring s1 end1 (string-length s1)))))

;; The maximal runs of characters that satisfy the criterion (default: not whitespace).
(def (string-tokenize s (crit (lambda (c) (not (char-whitespace? c)))) . r)
  (%with-range 'string-tokenize s r (start end)
    (let ((p (%criterion crit)))
      (let loop ((i start) (acc []))
        (let (b (%find-index s p i end #t))
          (if (not b)
            (reverse acc)
            (let (e (or (%find-index s p b end #f) end))
              (loop e (cons (substring s b e) acc)))))))))

(def (string-filter crit s . r)
  (%with-range 'string-filter s r (start end)
    (let ((p (%criterion crit))) (list->string (filter p (string->list (substring s start end)))))))
(def (string-delete crit s . r)
  (%with-range 'string-delete s r (start end)
    (let ((p (%criterion crit))) (list->string (filter (lambda (c) (not (p c))) (string->list (substring s start end)))))))

(def (%string-fill! s c . r)
  (%with-range 'string-fill! s r (start end) (let loop ((i start)) (when (< i end) (string-set! s i c) (loop (+ i 1))))))
