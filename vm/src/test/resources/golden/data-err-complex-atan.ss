;; oracle: gsi
;; atan on a complex number is an error, in Gambit's words.
(display "before")
(newline)
(atan +i)
