;; oracle: gsi
;; max on a complex number is an error, in Gambit's words.
(display "before")
(newline)
(max 1 2+i)
