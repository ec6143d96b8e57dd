;; oracle: gsi
;; exact-inf on a complex number is an error, in Gambit's words.
(display "before")
(newline)
(exact +inf.0+i)
