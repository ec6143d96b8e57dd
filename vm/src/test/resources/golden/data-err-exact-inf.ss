;; oracle: gsi
;; exact of an infinity has no exact value.
(write (exact 2.5))
(newline)
(write (exact +inf.0))
