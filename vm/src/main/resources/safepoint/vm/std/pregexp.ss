;;; :std/pregexp -- Perl-style regular expressions (doc/reference/std/regexp.md in the Gerbil
;;; repository, which defers to Dorai Sitaram's pregexp page for the language): pregexp,
;;; pregexp-match, pregexp-match-positions, pregexp-split, pregexp-replace, pregexp-replace* and
;;; pregexp-quote. Matching is java.util.regex's, through the ##regexp-... primitives
;;; (prims/RegexpPrims.java), with POSIX classes such as [[:alpha:]] translated.
;;;
;;; A start offset given to pregexp-match is where ^ matches; split and replace* resume their
;;; search after a match without anchoring there.
;;;
;;; In an insert string, \N stands for the Nth submatch, \& for the whole match and \\ for a
;;; backslash.

(export pregexp pregexp? pregexp-match pregexp-match-positions pregexp-split pregexp-replace
        pregexp-replace* pregexp-quote)

(defstruct %pregexp (text))

(def (pregexp text) (%pregexp (##regexp-check text)))
(def (pregexp? x) (%pregexp? x))

(def (%text pat)
  (cond ((%pregexp? pat) (%pregexp-text pat))
        ((string? pat) pat)
        (else (error "pregexp: a pattern (string or pregexp) expected" pat))))

(def (pregexp-match-positions pat str (start #f) (end #f))
  (##regexp-match-positions (%text pat) str (or start 0) (or end (string-length str)) #t))

(def (pregexp-match pat str (start #f) (end #f))
  (let (ps (pregexp-match-positions pat str start end))
    (and ps (map (lambda (p) (and p (substring str (car p) (cdr p)))) ps))))

;; The pieces between matches; a pattern that matches the empty string splits into characters.
(def (pregexp-split pat str)
  (let ((text (%text pat)) (n (string-length str)))
    (let loop ((i 0) (acc []))
      (let (m (and (< i n) (##regexp-match-positions text str i n (= i 0))))
        (cond ((not m) (reverse (cons (substring str i n) acc)))
              ((= (caar m) (cdar m) i)
               (let (j (+ i 1)) (if (>= j n) (reverse (cons (substring str i n) acc)) (loop j (cons (substring str i j) acc)))))
              ((= (caar m) (cdar m))
               (loop (caar m) (cons (substring str i (caar m)) acc)))
              (else (loop (cdar m) (cons (substring str i (caar m)) acc))))))))

;; INS with its \N, \& and \\ filled from the match positions M.
(def (%expand ins str m)
  (let ((out (open-output-string)) (n (string-length ins)))
    (def (group k) (let (p (and (< k (length m)) (list-ref m k))) (when p (write-string (substring str (car p) (cdr p)) out))))
    (let loop ((i 0))
      (when (< i n)
        (let (c (string-ref ins i))
          (if (and (eqv? c #\\) (< (+ i 1) n))
            (let (d (string-ref ins (+ i 1)))
              (cond ((char-numeric? d)
                     (let digits ((j (+ i 1)) (k 0))
                       (if (and (< j n) (char-numeric? (string-ref ins j)))
                         (digits (+ j 1) (+ (* k 10) (- (char->integer (string-ref ins j)) 48)))
                         (begin (group k) (loop j)))))
                    ((eqv? d #\&) (group 0) (loop (+ i 2)))
                    (else (write-char d out) (loop (+ i 2)))))
            (begin (write-char c out) (loop (+ i 1)))))))
    (get-output-string out)))

(def (%replace pat str ins all?)
  (let ((text (%text pat)) (n (string-length str)) (out (open-output-string)))
    (let loop ((i 0))
      (let (m (and (<= i n) (##regexp-match-positions text str i n (= i 0))))
        (if (not m)
          (write-string (substring str i n) out)
          (let ((s (caar m)) (e (cdar m)))
            (write-string (substring str i s) out)
            (write-string (%expand ins str m) out)
            (cond ((not all?) (write-string (substring str e n) out))
                  ((= s e) (when (< e n) (write-char (string-ref str e) out)) (when (< e n) (loop (+ e 1))))
                  (else (loop e)))))))
    (get-output-string out)))

(def (pregexp-replace pat str ins) (%replace pat str ins #f))
(def (pregexp-replace* pat str ins) (%replace pat str ins #t))

(def (pregexp-quote str)
  (let (out (open-output-string))
    (string-for-each (lambda (c) (when (memv c '(#\\ #\. #\* #\+ #\? #\^ #\$ #\| #\( #\) #\[ #\] #\{ #\})) (write-char #\\ out))
                             (write-char c out))
                     str)
    (get-output-string out)))
