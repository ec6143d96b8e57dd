;;; string: build a text of decimal numerals character by character, then search it two ways
;;; (comparing characters with string-ref, and cutting substrings to compare with string=?),
;;; and reverse it into a fresh string. Measures string and character operations.

(define bench-size 30000)
(define bench-test-size 30)

;; "0 1 2 ... n-1 " built from a list of characters.
(define (numerals-text n)
  (let loop ((i (- n 1)) (chars '()))
    (if (< i 0)
        (list->string chars)
        (loop (- i 1)
              (append (string->list (number->string i)) (cons #\space chars))))))

(define (count-by-chars text pattern)
  (let ((n (string-length text)) (m (string-length pattern)))
    (let scan ((i 0) (count 0))
      (if (> (+ i m) n)
          count
          (scan (+ i 1)
                (if (let same ((j 0))
                      (or (= j m)
                          (and (char=? (string-ref text (+ i j)) (string-ref pattern j))
                               (same (+ j 1)))))
                    (+ count 1)
                    count))))))

(define (count-by-substrings text pattern)
  (let ((n (string-length text)) (m (string-length pattern)))
    (let scan ((i 0) (count 0))
      (if (> (+ i m) n)
          count
          (scan (+ i 1)
                (if (string=? (substring text i (+ i m)) pattern) (+ count 1) count))))))

(define (string-reversed s)
  (let* ((n (string-length s)) (r (make-string n #\space)))
    (do ((i 0 (+ i 1))) ((= i n) r)
      (string-set! r i (string-ref s (- n i 1))))))

(define (bench-run)
  (let* ((text (numerals-text bench-size))
         (reversed (string-reversed text)))
    (list (string-length text)
          (count-by-chars text "12")
          (count-by-substrings text "99")
          (count-by-chars reversed "21")
          (substring reversed 1 5))))

(define bench-expected '(168890 1900 900 1900 "9999"))
(define bench-test-expected '(80 1 0 1 "92 8"))
