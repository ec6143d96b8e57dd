;; oracle: gsi
;; length of an improper list is an error, not a count.
(write (length '(1 2)))
(newline)
(write (length '(1 . 2)))
