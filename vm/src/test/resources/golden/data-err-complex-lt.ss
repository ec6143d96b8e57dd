;; oracle: gsi
;; lt on a complex number is an error, in Gambit's words.
(display "before")
(newline)
(< 1+i 2)
