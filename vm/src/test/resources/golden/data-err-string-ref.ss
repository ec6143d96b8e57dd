;; oracle: gsi
;; string-ref one past the end of the string.
(define s "abc")
(write (string-ref s 0))
(newline)
(string-ref s 3)
