;; oracle: gsi
;; integer->char of a negative number.
(write (integer->char 97))
(newline)
(write (integer->char -1))
